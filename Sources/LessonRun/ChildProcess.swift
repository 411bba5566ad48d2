import Foundation
import LessonKit

#if canImport(Glibc)
  import Glibc
#endif

/// Runs one program in its own process group: standard input closed, both output streams
/// read line by line as they arrive, a deadline after which the whole group is killed, and
/// a cap on how much output is kept.
public enum ChildProcess {
  public struct Options: Sendable {
    public var arguments: [String] = []
    /// Extra variables on top of this process's environment.
    public var environment: [String: String] = [:]
    public var timeout: Duration = .seconds(30)
    /// Bytes of output (both streams) after which the process is killed as flooding.
    public var outputLimit: Int = 1 << 20

    public init(
      arguments: [String] = [], environment: [String: String] = [:],
      timeout: Duration = .seconds(30),
      outputLimit: Int = 1 << 20
    ) {
      self.arguments = arguments
      self.environment = environment
      self.timeout = timeout
      self.outputLimit = outputLimit
    }
  }

  /// Runs `executable` (a path, or a name looked up in PATH) and waits for it.
  /// `onLine` sees every line as it arrives, stamped with seconds since the start;
  /// `onQuiet` is called with the seconds since the start whenever 20 ms pass in silence.
  public static func run(
    _ executable: String, _ options: Options, onQuiet: (Double) -> Void = { _ in },
    onLine: (TimedLine) -> Void = { _ in }
  ) -> RunRecord {
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
      return failed("cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // The child gets the write ends as 1 and 2 only; no copy of a pipe may leak into it.
    for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGTERM)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &noMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var environment = ProcessInfo.processInfo.environment
    environment.merge(options.environment) { $1 }
    let argv = ([executable] + options.arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }

    let busyBefore = MachineLoad.busySeconds()
    let clock = ContinuousClock()
    let start = clock.now
    var spawned: Int32 = 0
    let started = ProcessGroups.shared.start {
      var pid: pid_t = 0
      spawned =
        executable.contains("/")
        ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
      return spawned == 0 ? pid : nil
    }
    close(outPipe[1])
    close(errPipe[1])
    guard let pid = started else {
      close(outPipe[0])
      close(errPipe[0])
      return failed("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }

    var collector = Collector(start: start, clock: clock)
    var open: [(fd: Int32, stream: TimedLine.Stream)] = [
      (outPipe[0], .stdout), (errPipe[0], .stderr),
    ]
    let deadline = start.advanced(by: options.timeout)
    var ending: RunRecord.Ending?
    var status: Int32 = 0
    var usage = rusage()
    var reaped = false
    var reapedAt = start
    var buffer = [UInt8](repeating: 0, count: 65536)

    while true {
      if !reaped, wait4(pid, &status, WNOHANG, &usage) == pid {
        reaped = true
        reapedAt = clock.now
      }
      if open.isEmpty && reaped { break }
      let now = clock.now
      if ending == nil && now >= deadline {
        ending = .timedOut
        kill(-pid, SIGKILL)
      }
      // A process that has exited but left its output open to a child of its own:
      // give the stragglers a moment, then stop listening.
      if reaped && now - reapedAt > .milliseconds(200) {
        kill(-pid, SIGKILL)
        break
      }
      var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), 20)
      guard ready > 0 else {
        if !reaped { onQuiet((clock.now - start).seconds) }
        continue
      }
      for (i, p) in fds.enumerated().reversed() where p.revents != 0 {
        let n = read(p.fd, &buffer, buffer.count)
        if n > 0 {
          collector.add(buffer[0..<n], from: open[i].stream, onLine)
          if collector.byteCount > options.outputLimit && ending == nil {
            ending = .flooded
            kill(-pid, SIGKILL)
          }
        } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
          close(p.fd)
          open.remove(at: i)
        }
      }
    }
    for (fd, _) in open { close(fd) }
    if !reaped {
      wait4(pid, &status, 0, &usage)
      reapedAt = clock.now
    }
    kill(-pid, SIGKILL)  // Anything the example left running in its group goes too,
    ProcessGroups.shared.ended(pid)
    Orphans.sweep()  // and so does anything it started outside the group.
    collector.finish(onLine)

    let signal = status & 0x7f
    let end = ending ?? (signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal))
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    var record = RunRecord(
      ending: end, wallSeconds: (reapedAt - start).seconds, cpuSeconds: cpu,
      stdout: collector.text(.stdout), stderr: collector.text(.stderr), lines: collector.lines)
    if let before = busyBefore, let after = MachineLoad.busySeconds() {
      record.otherCPUSeconds = max(0, after - before - cpu)
    }
    return record
  }

  private static func failed(_ message: String) -> RunRecord {
    RunRecord(
      ending: .failedToStart(message), wallSeconds: 0, cpuSeconds: 0, stdout: "", stderr: "",
      lines: [])
  }
}

/// Gathers output bytes per stream and cuts them into timed lines.
private struct Collector {
  let start: ContinuousClock.Instant
  let clock: ContinuousClock
  var stdout = Stream()
  var stderr = Stream()
  var lines: [TimedLine] = []
  var byteCount = 0

  struct Stream {
    var bytes: [UInt8] = []
    var pending: [UInt8] = []
  }

  init(start: ContinuousClock.Instant, clock: ContinuousClock) {
    self.start = start
    self.clock = clock
  }

  mutating func add(
    _ chunk: ArraySlice<UInt8>, from stream: TimedLine.Stream, _ onLine: (TimedLine) -> Void
  ) {
    byteCount += chunk.count
    let time = (clock.now - start).seconds
    let complete =
      stream == .stdout ? Self.cut(chunk, into: &stdout) : Self.cut(chunk, into: &stderr)
    for line in complete { emit(line, stream, time, onLine) }
  }

  /// Adds `chunk` to a stream and returns the lines it completed.
  private static func cut(_ chunk: ArraySlice<UInt8>, into stream: inout Stream) -> [[UInt8]] {
    stream.bytes.append(contentsOf: chunk)
    stream.pending.append(contentsOf: chunk)
    var complete: [[UInt8]] = []
    while let newline = stream.pending.firstIndex(of: 10) {
      complete.append(Array(stream.pending[..<newline]))
      stream.pending.removeSubrange(...newline)
    }
    return complete
  }

  /// A last line without a newline still counts as a line.
  mutating func finish(_ onLine: (TimedLine) -> Void) {
    let time = (clock.now - start).seconds
    if !stdout.pending.isEmpty {
      emit(stdout.pending, .stdout, time, onLine)
      stdout.pending = []
    }
    if !stderr.pending.isEmpty {
      emit(stderr.pending, .stderr, time, onLine)
      stderr.pending = []
    }
  }

  private mutating func emit(
    _ line: [UInt8], _ stream: TimedLine.Stream, _ time: Double, _ onLine: (TimedLine) -> Void
  ) {
    let timed = TimedLine(time: time, stream: stream, text: String(decoding: line, as: UTF8.self))
    lines.append(timed)
    onLine(timed)
  }

  func text(_ stream: TimedLine.Stream) -> String {
    String(decoding: stream == .stdout ? stdout.bytes : stderr.bytes, as: UTF8.self)
  }
}
