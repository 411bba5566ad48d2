import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Every process group the runner has started and not yet ended, so that an interrupted
/// runner leaves none behind: examples run in their own groups, where a terminal's Ctrl-C
/// never reaches them.
public final class ProcessGroups: @unchecked Sendable {
  public static let shared = ProcessGroups()

  private let lock = NSLock()
  private var live: Set<pid_t> = []
  private var stopping = false

  /// Starts a process with `spawn`, which returns its pid (or nil), and records its group
  /// before anyone can stop the runner between the two.
  func start(_ spawn: () -> pid_t?) -> pid_t? {
    lock.lock()
    defer { lock.unlock() }
    guard let pid = spawn() else { return nil }
    if stopping {
      kill(-pid, SIGKILL)
    } else {
      live.insert(pid)
    }
    return pid
  }

  /// Forgets a group whose leader has been reaped and whose members were killed.
  func ended(_ pid: pid_t) {
    lock.withLock { _ = live.remove(pid) }
  }

  /// The groups that are running now.
  public var running: Set<pid_t> { lock.withLock { live } }

  /// Whether the runner is being stopped: a lesson whose examples were killed for it must
  /// not be saved as if they had failed.
  public var isStopping: Bool { lock.withLock { stopping } }

  /// Kills every live group, and nothing started later: for a run nobody waits for any
  /// more (the preview's page that asked for it was closed).
  public func killLive() {
    lock.withLock {
      for pid in live { kill(-pid, SIGKILL) }
    }
  }

  /// Kills every live group, and any group started from now on.
  public func killAll() {
    lock.withLock {
      stopping = true
      for pid in live { kill(-pid, SIGKILL) }
    }
  }
}

/// What the runner does on SIGINT and SIGTERM: kill every example and build it started,
/// let the caller say a word, and exit with the conventional status (128 + the signal).
public enum Interrupts {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Parks the calling thread for good while a signal handler is stopping the runner, so
  /// that it cannot exit first with a status of its own; returns at once otherwise.
  public static func waitIfStopping() {
    while ProcessGroups.shared.isStopping { sleep(1) }
  }

  /// Installs the handlers; `onStop` runs after the processes are killed, before the exit.
  public static func install(onStop: @escaping @Sendable (Int32) -> Void) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        ProcessGroups.shared.killAll()
        Orphans.killEverything()
        onStop(signalNumber)
        _exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
