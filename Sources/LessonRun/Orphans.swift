import CProcessControl
import Foundation
import Synchronization

/// Processes that an example started and left behind.
///
/// An example runs in a process group of its own, and the runner kills that group when the
/// run ends. A process the example started in a group of its own (Foundation's `Process`
/// does that) escapes the group. So the runner becomes its descendants' subreaper: when an
/// example exits or is killed, whatever it started is handed to the runner, which kills
/// every child of its own that it did not start itself.
///
/// Only a process that owns all of its children may do that: the `lesson-runner` command
/// opts in with `adopt()`. A process that uses this library beside children of its own
/// (a test runner, say) does not, and then `sweep()` does nothing.
public enum Orphans {
  private static let adopted = Atomic(false)

  /// Asks the kernel to hand orphaned descendants to this process, and lets `sweep()` kill
  /// every child this process did not start through `ChildProcess`. Safe to call often.
  @discardableResult public static func adopt() -> Bool {
    if adopted.load(ordering: .acquiring) { return true }
    let done = two_stones_become_subreaper() == 0
    adopted.store(done, ordering: .releasing)
    return done
  }

  /// Kills and reaps every child of this process that it did not start: processes left
  /// behind by examples that have ended. Returns how many there were. Does nothing in a
  /// process that has not called `adopt()`.
  @discardableResult public static func sweep() -> Int {
    guard adopted.load(ordering: .acquiring) else { return 0 }
    var swept = 0
    // Killing an orphan orphans its own children, which then arrive here too.
    for _ in 0..<8 {
      // The children first, then the runner's own: a child started after the scan is not
      // in it, and one started before is registered by then (ProcessGroups records a
      // process under the same lock as it starts it).
      let children = children(of: getpid())
      let ours = ProcessGroups.shared.running
      let strays = children.filter { !ours.contains($0) }
      if strays.isEmpty { break }
      for pid in strays {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
      }
      swept += strays.count
    }
    return swept
  }

  /// Kills every child of this process, and whatever the killed ones leave to it, for a
  /// runner that is about to exit: once it is gone, their orphans would go to init.
  public static func killEverything() {
    guard adopted.load(ordering: .acquiring) else { return }
    for _ in 0..<20 {
      let children = children(of: getpid())
      if children.isEmpty { return }
      for pid in children { kill(pid, SIGKILL) }
      // A killed process hands its own children over when it dies; give it a moment.
      usleep(20_000)
      for pid in children {
        var status: Int32 = 0
        waitpid(pid, &status, WNOHANG)
      }
    }
  }

  /// The ids of the processes whose parent is `parent`, from the kernel's list of
  /// processes; none where it cannot be read.
  static func children(of parent: pid_t) -> [pid_t] {
    #if os(Linux)
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
        return []
      }
      return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry),
          let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (name)": the state, then the parent's id.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let ppid = pid_t(fields[1]) else { return nil }
        return ppid == parent ? pid : nil
      }
    #else
      // Elsewhere (macOS) there is no such list to read: the process groups alone stop
      // what an example starts (README, Platforms).
      return []
    #endif
  }
}
