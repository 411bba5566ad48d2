/// The messages of `ClaimParser`: a claim link that cannot be read, or could never fail.
extension Message {
  static func claimNeedsTimeUnit(_ text: String, _ example: String) -> Message {
    Message(
      "lesson.claim.needs-time-unit",
      "claim '\(text)' is about the wall time of '\(example)', so it needs a time unit such as 's' or 'ms'"
    )
  }

  static func claimRatioHasTimeUnit(_ text: String) -> Message {
    Message(
      "lesson.claim.ratio-has-time-unit",
      "claim '\(text)' compares two quantities, so its number takes no time unit")
  }

  static func claimNumberTooLarge(_ text: String) -> Message {
    Message("lesson.claim.number-too-large", "claim '\(text)' states a number too large to measure")
  }

  static func claimNoNumber(_ text: String) -> Message {
    Message(
      "lesson.claim.no-number",
      "claim '\(text)' states no number: start the link text with one, as in 'about 2 s' or 'about 1.5 times as long'"
    )
  }

  static func claimCoresUnreadable(_ option: some StringProtocol) -> Message {
    Message("lesson.claim.cores-unreadable", "claim option '\(option)' should read 'needs N cores'")
  }

  static let claimCoresTwice = Message(
    "lesson.claim.cores-twice", "claim option 'needs N cores' is given twice")

  static func claimPlatformUnknown(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.claim.platform-unknown",
      "claim option '\(option)' names no platform the book knows; they are \(Platform.names)")
  }

  static func claimPlatformTwice(_ option: some StringProtocol) -> Message {
    Message("lesson.claim.platform-twice", "claim option '\(option)' is given twice")
  }

  static func claimToleranceNotApproximate(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.claim.tolerance-not-approximate",
      "claim option '\(option)': a tolerance only applies to an approximate claim")
  }

  static func claimToleranceTwice(_ text: String) -> Message {
    Message("lesson.claim.tolerance-twice", "claim '\(text)' gives two tolerances")
  }

  static func claimOptionUnknown(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.claim.option-unknown",
      "unknown claim option '\(option)': expected a tolerance such as '±20%', 'needs 2 cores' or 'on Linux'"
    )
  }

  static func claimComparesItself(_ text: String, _ quantity: String) -> Message {
    Message(
      "lesson.claim.compares-itself",
      "claim '\(text)' can never fail: it compares '\(quantity)' with itself, which is always 1; name two different quantities"
    )
  }

  static func claimCannotFail(_ text: String, _ reason: String) -> Message {
    Message("lesson.claim.cannot-fail", "claim '\(text)' can never fail: \(reason)")
  }

  static func claimTargetShape(_ target: String) -> Message {
    Message(
      "lesson.claim.target-shape",
      "claim target 'claim:\(target)' should be EXAMPLE, EXAMPLE@label or A/B")
  }

  static func claimTargetNames(_ target: String) -> Message {
    Message(
      "lesson.claim.target-names",
      "claim target 'claim:\(target)' should be EXAMPLE, EXAMPLE@label or A/B (EXAMPLE:SETTING for one setting of an example built under several), with names in lower case letters, digits and dashes"
    )
  }

  static func toleranceTooLarge(_ option: some StringProtocol) -> Message {
    Message("lesson.tolerance.too-large", "tolerance '\(option)' is too large")
  }

  static func toleranceNeedsUnit(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.tolerance.needs-unit",
      "tolerance '\(option)' needs a unit, such as '±20%' or '±0.2 s'")
  }

  static func toleranceHasTimeUnit(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.tolerance.has-time-unit",
      "tolerance '\(option)' has a time unit, but the claim is a plain number")
  }

  static func toleranceUnreadable(_ option: some StringProtocol) -> Message {
    Message(
      "lesson.tolerance.unreadable",
      "bad tolerance '\(option)': expected '±20%', '±0.2 s' or '+30%/-10%'")
  }
}
