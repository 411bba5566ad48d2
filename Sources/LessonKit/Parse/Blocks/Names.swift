/// Why a duration could not be read.
enum DurationProblem: Error, Equatable {
  /// Not a number with a time unit.
  case unreadable
  /// A time, but outside `Durations.allowed`.
  case outOfRange
}

enum Durations {
  /// The timeouts an example may have, in seconds: one millisecond to one hour.
  static let allowed: ClosedRange<Double> = 0.001...3600
}

/// Reads `30s`, `1.5 s`, `250ms` as a Duration from 1 ms to 1 hour.
func parseDuration(_ text: String) -> Result<Duration, DurationProblem> {
  guard let (value, dimension, rest) = Units.quantity(Substring(text)),
    dimension == .time, rest.allSatisfy(\.isWhitespace)
  else { return .failure(.unreadable) }
  guard value.isFinite, Durations.allowed.contains(value) else { return .failure(.outOfRange) }
  return .success(.nanoseconds(Int64((value * 1e9).rounded())))
}

/// Lower-case letters, digits and dashes, starting with a letter or digit.
func isValidName(_ name: String) -> Bool {
  guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else {
    return false
  }
  return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
}

/// An example as a claim or an output block names it: `NAME`, or `NAME:SETTING` for one
/// build of an example built under several settings.
func isValidExampleReference(_ reference: String) -> Bool {
  let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
  return parts.count <= 2 && parts.allSatisfy { isValidName(String($0)) }
}
