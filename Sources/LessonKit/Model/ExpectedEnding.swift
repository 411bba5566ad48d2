/// How an example that is meant to fail must end, from its `exit=` attribute: with a status
/// other than 0, killed by a signal, or stopped by a Swift runtime trap.
public enum ExpectedEnding: Sendable, Hashable, Codable, CustomStringConvertible {
  /// `exit=3`: the process exits with this status.
  case status(Int32)
  /// `exit=SIGABRT`: the process is killed by this signal.
  case signal(Int32)
  /// `exit=trap`: a Swift runtime trap stops it (`fatalError`, a failed precondition, a
  /// misused continuation): SIGILL on x86-64, SIGTRAP on arm64.
  case trap

  /// The signals `exit=` may name, by name.
  public static let signals: [String: Int32] = [
    "SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGTRAP": 5, "SIGABRT": 6,
    "SIGBUS": 7, "SIGFPE": 8, "SIGKILL": 9, "SIGSEGV": 11, "SIGPIPE": 13, "SIGTERM": 15,
  ]

  /// Reads `3`, `SIGABRT` or `trap`; nil for anything else, and for 0, which needs no `exit=`.
  public init?(_ text: String) {
    if text == "trap" {
      self = .trap
    } else if let number = Int32(text), (1...255).contains(number) {
      self = .status(number)
    } else if let signal = Self.signals[text] {
      self = .signal(signal)
    } else {
      return nil
    }
  }

  /// Whether a run that ended so ended as expected.
  public func matches(_ ending: RunRecord.Ending) -> Bool {
    switch (self, ending) {
    case (.status(let wanted), .exited(let code)): return wanted == code
    case (.signal(let wanted), .signalled(let signal)): return wanted == signal
    case (.trap, .signalled(let signal)): return signal == 4 || signal == 5
    default: return false
    }
  }

  /// "exits with status 3", "is killed by SIGABRT", "stops at a runtime trap".
  public var description: String {
    switch self {
    case .status(let code): return "exits with status \(code)"
    case .signal(let signal):
      let name = Self.signals.first { $0.value == signal }?.key ?? "signal \(signal)"
      return "is killed by \(name)"
    case .trap: return "stops at a Swift runtime trap (SIGILL or SIGTRAP)"
    }
  }
}
