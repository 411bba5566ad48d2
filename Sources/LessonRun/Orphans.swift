import CProcessControl
import Foundation
import Synchronization

/// Processes that an example started and left behind.
///
/// An example runs in a process group of its own, and the runner kills that group when the
/// run ends. A process the example started in a group of its own (Foundation's `Process`
/// does that) escapes the group. So the runner becomes its descendants' subreaper: when an
/// example exits or is killed, whatever it started is handed to the runner, which kills
/// every child it did not start itself.
public enum Orphans {
  /// The processes the runner started itself and still waits for.
  static let started = Mutex<Set<pid_t>>([])

  private static let adopted: Bool = two_stones_become_subreaper() == 0

  /// Asks the kernel to hand orphaned descendants to this process. Safe to call often.
  @discardableResult public static func adopt() -> Bool { adopted }

  static func didStart(_ pid: pid_t) { _ = started.withLock { $0.insert(pid) } }
  static func didReap(_ pid: pid_t) { _ = started.withLock { $0.remove(pid) } }

  /// Kills and reaps every child of this process that it did not start: processes left
  /// behind by examples that have ended. Returns how many there were.
  @discardableResult public static func sweep() -> Int {
    var swept = 0
    // Killing an orphan orphans its own children, which then arrive here too.
    for _ in 0..<8 {
      let ours = started.withLock { $0 }
      let strays = children(of: getpid()).filter { !ours.contains($0) }
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

  /// The ids of the processes whose parent is `parent`, from /proc.
  static func children(of parent: pid_t) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    return entries.compactMap { entry -> pid_t? in
      guard let pid = pid_t(entry),
        let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      // After "pid (name)": state, then the parent's id.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 1, let ppid = pid_t(fields[1]) else { return nil }
      return ppid == parent ? pid : nil
    }
  }
}
