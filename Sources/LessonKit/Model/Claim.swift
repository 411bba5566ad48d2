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

  public var relation: Relation
  /// The stated value: seconds for times, a plain number otherwise.
  public var value: Double
  public var dimension: Dimension
  /// How far above and below `value` an approximate claim still holds (absolute amounts).
  public var below: Double
  public var above: Double

  public init(
    relation: Relation, value: Double, dimension: Dimension, below: Double = 0, above: Double = 0
  ) {
    self.relation = relation
    self.value = value
    self.dimension = dimension
    self.below = below
    self.above = above
  }

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
}
