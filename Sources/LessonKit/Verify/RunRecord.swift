/// One line an example printed, with when it arrived, in seconds after the process started.
public struct TimedLine: Sendable, Hashable, Codable {
  public enum Stream: String, Sendable, Codable { case stdout, stderr }

  public var time: Double
  public var stream: Stream
  public var text: String

  public init(time: Double, stream: Stream, text: String) {
    self.time = time
    self.stream = stream
    self.text = text
  }
}

/// What one run of an example's process did.
public struct RunRecord: Sendable, Hashable, Codable {
  public enum Ending: Sendable, Hashable, Codable {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
    /// Killed for printing more than the runner keeps.
    case flooded
    case failedToStart(String)
  }

  public var ending: Ending
  /// Wall time from spawn to exit, on a monotonic clock.
  public var wallSeconds: Double
  /// User plus system CPU time of the process.
  public var cpuSeconds: Double
  /// CPU time that everything else on the machine used while this ran, when known:
  /// how busy the machine was, for claims that need free cores.
  public var otherCPUSeconds: Double?
  /// Whether other runs shared the machine with this one (nil: it ran alone, or before
  /// the runner kept this).
  public var sideBySide: Bool?
  public var stdout: String
  public var stderr: String
  public var lines: [TimedLine]

  public init(
    ending: Ending, wallSeconds: Double, cpuSeconds: Double, stdout: String, stderr: String,
    lines: [TimedLine]
  ) {
    self.ending = ending
    self.wallSeconds = wallSeconds
    self.cpuSeconds = cpuSeconds
    self.stdout = stdout
    self.stderr = stderr
    self.lines = lines
  }

  public var succeeded: Bool { ending == .exited(0) }

  /// How many of the machine's `cores` were left for this run, on average.
  public func freeCores(of cores: Int) -> Double? {
    guard let other = otherCPUSeconds, wallSeconds > 0 else { return nil }
    return Double(cores) - other / wallSeconds
  }
}

public func median(_ values: [Double]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

extension Duration {
  /// The duration in seconds, as a Double.
  public var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }
}
