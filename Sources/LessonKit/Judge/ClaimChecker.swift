import Foundation

/// The outcome of checking one claim.
public enum Verdict: String, Sendable, Codable {
  case passed, failed, skipped
  /// The claim could not be measured: its example did not run to a clean end.
  case unmeasured
}

/// A claim's verdict, with the measured value it was judged on.
public struct ClaimResult: Sendable, Hashable {
  public var claim: Claim
  public var measured: Double?
  public var verdict: Verdict
  /// Why it was skipped, unmeasured or failed, in words.
  public var reason: String?
  /// For a claim that was measured: whether it would fail if its number were wrong
  /// (1.5 or 0.6 times the measured value). A claim that is not sharp proves little.
  public var sharp: Bool?
  /// Set when the claim was judged again on more runs of its examples, each with the
  /// machine to itself, after a first judging that did not let it pass.
  public var rerun: Rerun?
  /// For an exercise's goal judged on its starter (`Goal.onStarter`), the exercise's name:
  /// missing it is the starter's purpose, so it is not a statement of the lesson. Nil for a
  /// claim the lesson states.
  public var goalOfStarter: String?

  public init(
    claim: Claim, measured: Double?, verdict: Verdict, reason: String? = nil, sharp: Bool? = nil
  ) {
    self.claim = claim
    self.measured = measured
    self.verdict = verdict
    self.reason = reason
    self.sharp = sharp
  }

  /// Where the measured value sits in the claim's band (see `Expectation.margin`): nil
  /// when nothing was measured or the claim was skipped.
  public var margin: Double? {
    guard verdict == .passed || verdict == .failed, let measured else { return nil }
    return claim.expectation.margin(for: measured)
  }

  /// Whether the claim failed with other runs beside it and passed once its examples ran
  /// alone: true of the claim, false of that first, crowded measurement.
  public var passedAlone: Bool { Rerun.passedAlone(verdict, rerun) }

  /// The verdict in words, as the terminal, the JSON reader and the page say it.
  public var verdictWords: String { Rerun.words(verdict, rerun) }

  /// The verdict with why and how it was reached, as the terminal's table and the preview's
  /// page both say it: `failed: … ; first failed side by side at 3.1 s, then judged on 3 runs
  /// alone`.
  public var verdictSentence: String {
    var words = verdictWords + (reason.map { ": " + $0 } ?? "")
    if let rerun { words += Format.rerun(rerun, dimension: claim.expectation.dimension) }
    return words
  }
}

/// What a claim's first judging found, before it was judged again on runs alone.
public struct Rerun: Sendable, Hashable, Codable {
  public var firstMeasured: Double?
  public var firstVerdict: Verdict
  /// Whether any of the first runs of its examples shared the machine with other runs.
  public var firstSideBySide: Bool
  /// How many runs alone the claim was judged on at last.
  public var runsAlone: Int

  /// Whether a claim with `verdict` at last, judged again as `rerun` says, failed side by
  /// side and passed alone: the one rule for "passed alone", wherever a verdict is shown.
  public static func passedAlone(_ verdict: Verdict, _ rerun: Rerun?) -> Bool {
    verdict == .passed && rerun?.firstVerdict == .failed && rerun?.firstSideBySide == true
  }

  /// `passed alone`, or the verdict's own word.
  public static func words(_ verdict: Verdict, _ rerun: Rerun?) -> String {
    passedAlone(verdict, rerun) ? "passed alone" : verdict.rawValue
  }

  public init(firstMeasured: Double?, firstVerdict: Verdict, firstSideBySide: Bool, runsAlone: Int)
  {
    self.firstMeasured = firstMeasured
    self.firstVerdict = firstVerdict
    self.firstSideBySide = firstSideBySide
    self.runsAlone = runsAlone
  }
}

/// Judges claims against the runs of their examples.
public enum ClaimChecker {
  /// How much of a core other processes may use before a claim that needs N cores is
  /// skipped as unjudgeable.
  public static let busyMargin = 0.3

  /// `runs` maps an example's name to its successful runs; `cores` is the machine's core count.
  public static func check(
    _ claim: Claim, runs: [String: [RunRecord]], cores: Int,
    platform: Platform? = Platform.current
  ) -> ClaimResult {
    if let reason = Platform.skipReason(claim.platforms, on: platform) {
      return ClaimResult(claim: claim, measured: nil, verdict: .skipped, reason: reason)
    }
    if let needed = claim.neededCores, cores < needed {
      return ClaimResult(
        claim: claim, measured: nil, verdict: .skipped,
        reason: "needs \(needed) cores; this machine has \(cores)")
    }
    let measured: Result<Double, Failure>
    switch claim.quantity {
    case .single(let m): measured = value(of: m, runs: runs, dimension: claim.expectation.dimension)
    case .ratio(let a, let b):
      measured = value(of: a, runs: runs, dimension: nil).flatMap { x in
        value(of: b, runs: runs, dimension: nil).flatMap { y in
          y == 0
            ? .failure(Failure(message: "'\(b)' measured 0, so the ratio has no value"))
            : .success(x / y)
        }
      }
    }
    switch measured {
    case .failure(let f):
      return ClaimResult(claim: claim, measured: nil, verdict: .unmeasured, reason: f.message)
    case .success(let v):
      let holds = claim.expectation.holds(for: v)
      // Cores that other processes kept busy were not there for the example: a claim about
      // what N cores do cannot fail while fewer than N were free. It is skipped, never passed.
      if !holds, let needed = claim.neededCores, let free = freeCores(for: claim, runs, cores),
        free < Double(needed) - busyMargin
      {
        return ClaimResult(
          claim: claim, measured: v, verdict: .skipped,
          reason: String(
            format: "needs %d free cores, but other processes left %.1f; measured ", needed, free)
            + Format.value(v, claim.expectation.dimension))
      }
      return ClaimResult(
        claim: claim, measured: v, verdict: holds ? .passed : .failed,
        reason: holds
          ? nil
          : "measured \(Format.value(v, claim.expectation.dimension)), outside \(Format.range(claim.expectation))",
        sharp: claim.expectation.isSharp(around: v))
    }
  }

  /// The fewest cores left free, on average over its runs, for any example of the claim.
  static func freeCores(for claim: Claim, _ runs: [String: [RunRecord]], _ cores: Int) -> Double? {
    claim.examples.compactMap { name in
      median((runs[name] ?? []).compactMap { $0.freeCores(of: cores) })
    }.min()
  }

  struct Failure: Error {
    var message: String
  }

  /// The median over runs of a wall time or printed metric.
  static func value(of measure: Measure, runs: [String: [RunRecord]], dimension: Dimension?)
    -> Result<Double, Failure>
  {
    guard let records = runs[measure.example], !records.isEmpty else {
      return .failure(Failure(message: "example '\(measure.example)' has no successful run"))
    }
    guard let label = measure.label else {
      guard let wall = median(records.map(\.wallSeconds)) else {
        return .failure(Failure(message: "example '\(measure.example)' has no successful run"))
      }
      return .success(wall)
    }
    var values: [Double] = []
    for record in records {
      guard let (v, dim) = Metrics.value(of: label, in: record.stdout) else {
        return .failure(
          Failure(
            message:
              "example '\(measure.example)' printed no line '\(label.replacingDashes): VALUE'"))
      }
      if let dimension, dim != dimension {
        return .failure(
          Failure(
            message:
              "example '\(measure.example)' printed '\(label.replacingDashes)' as \(dim == .time ? "a time" : "a plain number"), but the claim states \(dimension == .time ? "a time" : "a plain number")"
          ))
      }
      values.append(v)
    }
    guard let value = median(values) else {
      return .failure(Failure(message: "example '\(measure.example)' has no successful run"))
    }
    return .success(value)
  }
}

extension String {
  var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
