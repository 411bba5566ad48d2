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

extension RunRecord.Ending {
  /// How the run ended, as the end of a sentence about it: "exited with status 0", "was
  /// stopped by signal 4, SIGILL: a Swift runtime trap".
  public var sentence: String {
    switch self {
    case .exited(let code): return "exited with status \(code)"
    case .signalled(let signal): return "was stopped by signal \(signal)\(Self.signalName(signal))"
    case .timedOut: return "did not finish in time and was stopped"
    case .flooded: return "printed more than the runner keeps and was stopped"
    case .failedToStart(let why): return "could not start: \(why)"
    }
  }

  /// How the run ended, as a caption says it: "exit status 0", "stopped by signal 4,
  /// SIGILL: a Swift runtime trap".
  public var caption: String {
    switch self {
    case .exited(let status): return "exit status \(status)"
    case .signalled(let signal): return "stopped by signal \(signal)\(Self.signalName(signal))"
    case .timedOut: return "stopped: it ran past its timeout"
    case .flooded: return "stopped: it printed more than the runner keeps"
    case .failedToStart(let why): return "could not start: \(why)"
    }
  }

  /// `, SIGILL: a Swift runtime trap` for signal 4: the name of a signal a run may end
  /// by, and what it means for a Swift program; "" for one without a name here.
  public static func signalName(_ signal: Int32) -> String {
    [
      4: ", SIGILL: a Swift runtime trap", 5: ", SIGTRAP: a Swift runtime trap", 6: ", SIGABRT",
      9: ", SIGKILL", 11: ", SIGSEGV", 15: ", SIGTERM",
    ][signal] ?? ""
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
