// libFuzzer target: a claim's link text, target and title, separated by "|". Built and run by
// scripts/fuzz.
//
// Besides "never crash", every claim the parser accepts must hold at its own stated value
// (unless it is a strict bound) and be able to fail.

@testable import LessonKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaim(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let parts = input.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
  let text = parts.first.map(String.init) ?? ""
  let target = parts.count > 1 ? String(parts[1]) : "a"
  let title = parts.count > 2 ? String(parts[2]) : ""
  let at = SourceLocation(file: "fuzz.md", line: 1, column: 1)
  guard let claim = try? ClaimParser.parse(text: text, target: target, title: title, at: at)
  else { return 0 }
  let e = claim.expectation
  precondition(e.value.isFinite, "a number that is not finite")
  precondition(e.below.isFinite && e.above.isFinite, "a tolerance that is not finite")
  precondition(ClaimParser.cannotFail(e, stated: true) == nil, "a claim that cannot fail")
  switch e.relation {
  case .approximately, .atLeast, .atMost:
    precondition(e.holds(for: e.value), "a claim that fails at its own number")
  case .moreThan, .lessThan:
    precondition(!e.holds(for: e.value), "a strict bound that holds at its own number")
  }
  if e.relation == .approximately {
    precondition(e.range.lower > 0, "an approximate claim whose range reaches 0")
  }
  return 0
}
