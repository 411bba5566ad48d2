import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How much CPU time the whole machine has spent busy, from the kernel's counters.
enum MachineLoad {
  /// Seconds of CPU time, summed over all cores, spent on anything but idling and
  /// waiting for I/O since boot; nil where the kernel's counters cannot be read.
  static func busySeconds() -> Double? {
    #if os(Linux)
      guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
        let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
      else { return nil }
      // user nice system idle iowait irq softirq steal guest guest_nice
      let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
      guard ticks.count >= 8 else { return nil }
      let busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]
      return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
    #else
      // Elsewhere (macOS) there is no such file: no figure, so a claim that needs free
      // cores and misses on a busy machine fails instead of being skipped (README,
      // Platforms).
      return nil
    #endif
  }
}
