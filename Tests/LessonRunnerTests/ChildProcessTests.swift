import Foundation
import LessonKit
import Testing

@testable import LessonRun

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a process is gone, waiting up to `seconds` for the system to reap it.
func isGone(_ pid: pid_t, within seconds: Double = 5) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  repeat {
    if kill(pid, 0) != 0 && errno == ESRCH { return true }
    // A zombie whose parent is gone is reaped by init; it no longer runs.
    if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    {
      return true
    }
    usleep(20_000)
  } while Date() < deadline
  return false
}

/// The promises `ChildProcess` makes about the programs it runs.
@Suite struct ChildProcessTests {
  @Test func standardInputIsClosed() {
    // `read` fails at once on /dev/null; an open terminal or pipe would make it wait.
    let record = ChildProcess.run(
      "/bin/sh", .init(arguments: ["-c", "if read line; then echo got; else echo eof; fi"]))
    #expect(record.succeeded)
    #expect(record.stdout == "eof\n")
  }

  @Test func aLastLineWithoutANewlineIsStillALine() {
    let record = ChildProcess.run("/bin/sh", .init(arguments: ["-c", "printf 'one\\ntwo'"]))
    #expect(record.lines.map(\.text) == ["one", "two"])
    #expect(record.stdout == "one\ntwo")
  }

  @Test func theWholeProcessGroupEndsWithTheRun() throws {
    // The program leaves a child behind and exits; the child must not outlive the run.
    let record = ChildProcess.run(
      "/bin/sh", .init(arguments: ["-c", "sleep 60 >/dev/null 2>&1 & echo $!"]))
    let pid = try #require(pid_t(record.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(isGone(pid))
    #expect(ProcessGroups.shared.running.isEmpty || !ProcessGroups.shared.running.contains(pid))
  }

  @Test func aTimeoutKillsTheGroup() throws {
    let record = ChildProcess.run(
      "/bin/sh",
      .init(arguments: ["-c", "sleep 60 & echo $!; wait"], timeout: .milliseconds(300)))
    #expect(record.ending == .timedOut)
    let pid = try #require(pid_t(record.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(isGone(pid))
  }

  @Test func aProgramThatCannotStartIsReportedNotCrashed() {
    let record = ChildProcess.run("/no/such/program", .init())
    guard case .failedToStart(let why) = record.ending else {
      Issue.record("expected failedToStart, got \(record.ending)")
      return
    }
    #expect(why.contains("/no/such/program"))
  }
}
