/// Reads a `[text](claim:target "options")` link into a Claim.
enum ClaimParser {
  /// An approximate claim with no stated tolerance allows this fraction either way…
  static let defaultRelativeTolerance = 0.25
  /// …and never less than this many seconds, for times.
  static let minimumTimeTolerance = 0.05

  private static let qualifiers: [(String, Expectation.Relation)] = [
    ("no more than", .atMost), ("no less than", .atLeast), ("approximately", .approximately),
    ("at least", .atLeast), ("at most", .atMost), ("more than", .moreThan),
    ("less than", .lessThan), ("roughly", .approximately), ("around", .approximately),
    ("nearly", .approximately), ("almost", .approximately), ("about", .approximately),
    ("under", .lessThan), ("over", .moreThan), ("~", .approximately),
  ]

  static func parse(text: String, target: String, title: String, at location: SourceLocation)
    throws(Diagnostic) -> Claim
  {
    func fail(_ message: Message) -> Diagnostic { Diagnostic(message, at: location) }

    let quantity = try parseTarget(target, fail: fail)
    var (relation, value, dimension) = try parseStatement(text, fail: fail)
    let isRatio: Bool
    switch quantity {
    case .ratio: isRatio = true
    case .single(let m):
      isRatio = false
      if m.label == nil && dimension != .time {
        throw fail(.claimNeedsTimeUnit(text, m.example))
      }
    }
    if isRatio && dimension == .time {
      throw fail(.claimRatioHasTimeUnit(text))
    }
    if isRatio { dimension = .number }

    guard value.isFinite else {
      throw fail(.claimNumberTooLarge(text))
    }

    var expectation = Expectation(relation: relation, value: value, dimension: dimension)
    var tolerance: Expectation.Tolerance?
    var cores: Int?
    var platforms: [Platform] = []
    for rawOption in title.split(whereSeparator: { $0 == "," || $0 == ";" }) {
      let option = rawOption.trimmingSpaces
      if option.isEmpty { continue }
      if option.hasPrefix("needs") {
        let words = option.split(whereSeparator: \.isWhitespace)
        guard words.count == 3, let n = Int(words[1]), n > 0, words[2].hasPrefix("core") else {
          throw fail(.claimCoresUnreadable(option))
        }
        guard cores == nil else { throw fail(.claimCoresTwice) }
        cores = n
      } else if option.hasPrefix("on ") {
        let name = option.dropFirst(3).trimmingSpaces
        guard let platform = Platform.named(name) else {
          throw fail(.claimPlatformUnknown(option))
        }
        guard !platforms.contains(platform) else {
          throw fail(.claimPlatformTwice(option))
        }
        platforms.append(platform)
      } else if option.hasPrefix("±") || option.hasPrefix("+") {
        guard relation == .approximately else {
          throw fail(.claimToleranceNotApproximate(option))
        }
        guard tolerance == nil else { throw fail(.claimToleranceTwice(text)) }
        tolerance = try parseTolerance(option, dimension: dimension, fail: fail)
      } else {
        throw fail(.claimOptionUnknown(option))
      }
    }
    if relation == .approximately {
      expectation.tolerance = tolerance ?? defaultTolerance(dimension)
    }
    if case .ratio(let a, let b) = quantity, a == b, expectation.holds(for: 1) {
      throw fail(.claimComparesItself(text, a.description))
    }
    if let reason = cannotFail(expectation, stated: tolerance != nil) {
      throw fail(.claimCannotFail(text, reason))
    }
    var claim = Claim(
      text: text, location: location, target: target, quantity: quantity,
      expectation: expectation, neededCores: cores)
    claim.platforms = platforms.isEmpty ? nil : platforms
    return claim
  }

  /// Why a claim holds for every measurement it could meet, or nil when it can fail.
  ///
  /// Times and ratios of times are never negative, and a number a lesson measures is taken
  /// to be the same; so a claim whose range reaches down to 0 cannot fail from below.
  static func cannotFail(_ expectation: Expectation, stated: Bool) -> String? {
    let value = expectation.value
    let unit = expectation.dimension == .time ? " s" : ""
    switch expectation.relation {
    case .atLeast, .moreThan:
      return value <= 0 ? "no measurement is less than 0" : nil
    case .atMost, .lessThan:
      return nil
    case .approximately:
      let t = expectation.tolerance
      guard value - expectation.below <= 0 else { return nil }
      if value <= 0 {
        return "a claim of about 0 holds for anything up to its tolerance: say 'less than' a number"
      }
      if t.relativeBelow * value >= t.absoluteBelow, t.relativeBelow >= 1 {
        return
          "its tolerance allows \(percent(t.relativeBelow)) below the number, which reaches 0, and no measurement is less than 0; allow less than 100% below, as in '+100%/-50%'"
      }
      if !stated {
        return
          "without a tolerance a time claim allows ±\(decimal(minimumTimeTolerance))\(unit) at least, which reaches 0 from \(decimal(value))\(unit); state a tolerance smaller than the number, as in '±20%'"
      }
      return
        "its tolerance of \(decimal(expectation.below))\(unit) below the number reaches 0, and no measurement is less than 0; state a tolerance smaller than the number, as in '±20%'"
    }
  }

  private static func percent(_ fraction: Double) -> String { "\(decimal(fraction * 100))%" }

  /// `2`, `0.05`, `1.5`: a number as a lesson would write it.
  private static func decimal(_ x: Double) -> String {
    let rounded = (x * 1000).rounded() / 1000
    return rounded == rounded.rounded() && abs(rounded) < 1e15
      ? String(Int(rounded)) : String(rounded)
  }

  static func defaultTolerance(_ dimension: Dimension) -> Expectation.Tolerance {
    let floor = dimension == .time ? minimumTimeTolerance : 0
    return Expectation.Tolerance(
      relativeBelow: defaultRelativeTolerance, relativeAbove: defaultRelativeTolerance,
      absoluteBelow: floor, absoluteAbove: floor)
  }

  private static func parseTarget(_ target: String, fail: (Message) -> Diagnostic)
    throws(Diagnostic)
    -> Quantity
  {
    let parts = target.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else {
      throw fail(.claimTargetShape(target))
    }
    var measures: [Measure] = []
    for part in parts {
      let pieces = part.split(separator: "@", omittingEmptySubsequences: false)
      let example = String(pieces[0])
      guard pieces.count <= 2, isValidExampleReference(example),
        pieces.count == 1 || isValidName(String(pieces[1]))
      else {
        throw fail(.claimTargetNames(target))
      }
      measures.append(Measure(example: example, label: pieces.count == 2 ? String(pieces[1]) : nil))
    }
    return measures.count == 1 ? .single(measures[0]) : .ratio(measures[0], measures[1])
  }

  private static func parseStatement(_ text: String, fail: (Message) -> Diagnostic)
    throws(Diagnostic) -> (Expectation.Relation, Double, Dimension)
  {
    var rest = Substring(text.lowercased()).trimmingSpaces
    var relation = Expectation.Relation.approximately
    for (word, r) in qualifiers where rest.hasPrefix(word) {
      let after = rest.dropFirst(word.count)
      if word == "~" || after.first == " " {
        relation = r
        rest = after.trimmingSpaces
        break
      }
    }
    if let (value, dimension, _) = Units.quantity(rest) {
      return (relation, value, dimension)
    }
    // "about as long as", "about the same time as": a ratio of one.
    if Units.sameness.contains(where: { rest.hasPrefix($0) }) {
      return (relation, 1, .number)
    }
    for (word, value) in Units.numberWords.sorted(by: { $0.key.count > $1.key.count })
    where rest.hasPrefix(word) {
      let after = rest.dropFirst(word.count)
      guard after.isEmpty || after.first == " " else { continue }
      // "half a second", "two seconds": a number word may still carry a time unit.
      let unitWord = after.trimmingSpaces.prefix { $0.isLetter || $0 == "µ" }
      let unit =
        unitWord == "a" ? after.trimmingSpaces.dropFirst(2).prefix { $0.isLetter } : unitWord
      if let scale = Units.time[String(unit)] {
        return (relation, value * scale, .time)
      }
      return (relation, value, .number)
    }
    throw fail(.claimNoNumber(text))
  }

  private static func parseTolerance(
    _ option: Substring, dimension: Dimension, fail: (Message) -> Diagnostic
  ) throws(Diagnostic) -> Expectation.Tolerance {
    /// A percentage of the stated value, or an absolute amount.
    func amount(_ text: Substring) throws(Diagnostic) -> (relative: Double, absolute: Double) {
      let t = text.trimmingSpaces
      if t.hasSuffix("%"), let (p, rest) = Units.leadingNumber(t.dropLast()), rest.isEmpty {
        guard p.isFinite else { throw fail(.toleranceTooLarge(option)) }
        return (p / 100, 0)
      }
      if let (v, dim, rest) = Units.quantity(t), rest.trimmingSpaces.isEmpty {
        guard v.isFinite else { throw fail(.toleranceTooLarge(option)) }
        if dimension == .time && dim != .time {
          throw fail(.toleranceNeedsUnit(option))
        }
        if dimension == .number && dim == .time {
          throw fail(.toleranceHasTimeUnit(option))
        }
        return (0, v)
      }
      throw fail(.toleranceUnreadable(option))
    }
    let below: (relative: Double, absolute: Double)
    let above: (relative: Double, absolute: Double)
    if option.hasPrefix("±") || option.hasPrefix("+-") {
      below = try amount(option.dropFirst(option.hasPrefix("±") ? 1 : 2))
      above = below
    } else {
      let halves = option.split(separator: "/")
      guard halves.count == 2, halves[0].hasPrefix("+"), halves[1].trimmingSpaces.hasPrefix("-")
      else {
        throw fail(.toleranceUnreadable(option))
      }
      above = try amount(halves[0].dropFirst())
      below = try amount(halves[1].trimmingSpaces.dropFirst())
    }
    return Expectation.Tolerance(
      relativeBelow: below.relative, relativeAbove: above.relative,
      absoluteBelow: below.absolute, absoluteAbove: above.absolute)
  }
}

extension StringProtocol {
  var trimmingSpaces: Substring {
    let s = self[...]
    let start = s.firstIndex { !$0.isWhitespace } ?? s.endIndex
    let end = s.lastIndex { !$0.isWhitespace }.map { s.index(after: $0) } ?? start
    return Substring(s[start..<end])
  }
}
