/// A statement in the prose about a measured quantity, written as a `claim:` link.
public struct Claim: Sendable, Hashable {
  /// The link text, as the reader reads it: "about 2 s".
  public var text: String
  public var location: SourceLocation
  /// The link destination without `claim:`, such as `sequential/tasks`.
  public var target: String
  public var quantity: Quantity
  public var expectation: Expectation
  /// The claim is skipped, never passed, on a machine with fewer cores.
  public var neededCores: Int?
  /// The platforms the finding holds on (`on Linux`, or an example's `platforms=`); nil
  /// where it holds on every one. Elsewhere the claim is skipped, never judged.
  public var platforms: [Platform]?
  /// The compiler setting of each example the claim measures, filled in when the lesson is
  /// read: what the sentence is true under.
  public var settings: [String] = []

  public init(
    text: String, location: SourceLocation, target: String, quantity: Quantity,
    expectation: Expectation, neededCores: Int? = nil
  ) {
    self.text = text
    self.location = location
    self.target = target
    self.quantity = quantity
    self.expectation = expectation
    self.neededCores = neededCores
  }

  /// The examples whose runs the claim needs.
  public var examples: [String] {
    switch quantity {
    case .single(let m): return [m.example]
    case .ratio(let a, let b): return a.example == b.example ? [a.example] : [a.example, b.example]
    }
  }
}

/// Something an example run yields: its wall time, or a number it printed.
public struct Measure: Sendable, Hashable, CustomStringConvertible {
  public var example: String
  /// nil for the wall time of the example's process.
  public var label: String?

  public init(example: String, label: String? = nil) {
    self.example = example
    self.label = label
  }

  public var description: String { label.map { "\(example)@\($0)" } ?? example }
}

public enum Quantity: Sendable, Hashable {
  case single(Measure)
  case ratio(Measure, Measure)
}

/// What kind of number a claim speaks of; times are kept in seconds.
public enum Dimension: String, Sendable, Hashable, Codable {
  case time, number
}

/// What the sentence says about the quantity.
public struct Expectation: Sendable, Hashable {
  public enum Relation: String, Sendable, Hashable, Codable {
    case approximately, atLeast, moreThan, atMost, lessThan
  }

  /// How far from the stated value an approximate claim still holds: a fraction of the
  /// value, never less than an absolute amount (in seconds for times).
  public struct Tolerance: Sendable, Hashable {
    public var relativeBelow: Double
    public var relativeAbove: Double
    public var absoluteBelow: Double
    public var absoluteAbove: Double

    public init(
      relativeBelow: Double = 0, relativeAbove: Double = 0, absoluteBelow: Double = 0,
      absoluteAbove: Double = 0
    ) {
      self.relativeBelow = relativeBelow
      self.relativeAbove = relativeAbove
      self.absoluteBelow = absoluteBelow
      self.absoluteAbove = absoluteAbove
    }
  }

  public var relation: Relation
  /// The stated value: seconds for times, a plain number otherwise.
  public var value: Double
  public var dimension: Dimension
  public var tolerance: Tolerance

  public init(
    relation: Relation, value: Double, dimension: Dimension, tolerance: Tolerance = Tolerance()
  ) {
    self.relation = relation
    self.value = value
    self.dimension = dimension
    self.tolerance = tolerance
  }

  /// How far below and above `value` an approximate claim still holds.
  public var below: Double { max(tolerance.relativeBelow * abs(value), tolerance.absoluteBelow) }
  public var above: Double { max(tolerance.relativeAbove * abs(value), tolerance.absoluteAbove) }

  /// The interval of measured values for which the claim holds.
  public var range: (lower: Double, upper: Double, inclusive: Bool) {
    switch relation {
    case .approximately: return (value - below, value + above, true)
    case .atLeast: return (value, .infinity, true)
    case .moreThan: return (value, .infinity, false)
    case .atMost: return (-.infinity, value, true)
    case .lessThan: return (-.infinity, value, false)
    }
  }

  public func holds(for measured: Double) -> Bool {
    let r = range
    return r.inclusive
      ? measured >= r.lower && measured <= r.upper
      : measured > r.lower && measured < r.upper
  }

  /// Where `measured` sits in the claim's band, as a fraction of the way from the edge to
  /// the middle: 1 on the stated value of an approximate claim, 0 on an edge, below 0
  /// outside. An approximate claim is measured against the half of its band on the
  /// measured value's side, so an uneven tolerance (`+60%/-10%`) counts its own side. A
  /// bound has no middle: its unit is the bound's own distance from 0, and room beyond
  /// that counts as 1.
  public func margin(for measured: Double) -> Double {
    switch relation {
    case .approximately:
      let side = measured >= value ? above : below
      guard side > 0 else { return measured == value ? 1 : -1 }
      return (side - abs(measured - value)) / side
    case .atMost, .lessThan:
      guard value != 0 else { return measured <= 0 ? 1 : -1 }
      return min(1, (value - measured) / abs(value))
    case .atLeast, .moreThan:
      guard value != 0 else { return measured >= 0 ? 1 : -1 }
      return min(1, (measured - value) / abs(value))
    }
  }

  /// The same sentence with another number in it, as if an author had changed it.
  public func stating(_ newValue: Double) -> Expectation {
    var e = self
    e.value = newValue
    return e
  }

  /// Whether the claim would catch a wrong number: stated as 1.5 or 0.6 times what was
  /// measured, it must no longer hold. A bound is tested only in the direction that makes
  /// it false ("more than" with a larger number, "less than" with a smaller one).
  public func isSharp(around measured: Double) -> Bool {
    let factors: [Double]
    switch relation {
    case .approximately: factors = [1.5, 0.6]
    case .atLeast, .moreThan: factors = [1.5]
    case .atMost, .lessThan: factors = [0.6]
    }
    return factors.allSatisfy { !stating(measured * $0).holds(for: measured) }
  }
}

extension Claim {
  /// The same goal, judged on the example named `example` instead.
  public func measuring(_ example: String) -> Claim {
    var claim = self
    func moved(_ m: Measure) -> Measure { Measure(example: example, label: m.label) }
    switch quantity {
    case .single(let m): claim.quantity = .single(moved(m))
    case .ratio(let a, let b): claim.quantity = .ratio(moved(a), moved(b))
    }
    switch claim.quantity {
    case .single(let m): claim.target = m.description
    case .ratio(let a, let b): claim.target = "\(a)/\(b)"
    }
    return claim
  }

  /// The labels the claim reads (`NAME@label`), or "time" for a wall time: what a hint's
  /// `for=` names.
  public var goalNames: [String] {
    let measures: [Measure]
    switch quantity {
    case .single(let m): measures = [m]
    case .ratio(let a, let b): measures = [a, b]
    }
    return measures.map { $0.label ?? "time" }
  }
}
