// libFuzzer target: any bytes as a lesson file. Built and run by scripts/fuzz.
//
// Besides "never crash", it checks what the parser promises: a file's line endings do not
// change what it means, and every claim it accepts can fail.

@testable import LessonKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard case .success(let text) = LessonSource.text(of: bytes, path: "fuzz.md") else { return 0 }
  let lines = LessonSource.lines(text)
  let results = ["\n", "\r\n", "\r"].map { ending in
    outcome(lines.joined(separator: ending))
  }
  for (ending, other) in zip(["CR LF", "CR"], results.dropFirst()) where other != results[0] {
    fatalError("LF and \(ending) disagree:\n\(results[0])\n---\n\(other)")
  }
  return 0
}

/// The parse of `text`, as text, after checking the model's promises.
private func outcome(_ text: String) -> [String] {
  do {
    let lesson = try LessonParser.parse(source: text, path: "fuzz.md", fileName: "01-fuzz.md")
    let lineCount = LessonSource.lines(text).count
    for claim in lesson.claims {
      precondition(
        claim.examples.allSatisfy { lesson.example(named: $0) != nil }, "claim on unknown example")
      precondition(
        ClaimParser.cannotFail(claim.expectation, stated: true) == nil, "claim cannot fail")
      precondition(
        claim.expectation.holds(for: claim.expectation.value)
          || claim.expectation.relation == .moreThan || claim.expectation.relation == .lessThan)
    }
    for example in lesson.examples {
      for chunk in example.chunks {
        precondition(!chunk.code.unicodeScalars.contains("\r"), "CR in code")
        precondition(chunk.location.line >= 2 && chunk.location.line <= lineCount + 1)
      }
    }
    return describe(lesson)
  } catch {
    let lineCount = LessonSource.lines(text).count
    for d in error.diagnostics {
      precondition(d.location.line >= 1 && d.location.line <= lineCount, "line out of range: \(d)")
      precondition(d.location.column >= 1, "column out of range: \(d)")
    }
    return error.diagnostics.map(\.description)
  }
}

private func describe(_ lesson: Lesson) -> [String] {
  lesson.examples.flatMap { e in
    ["example \(e.name) \(e.location) \(e.mode) \(e.runs) \(e.timeout) \(e.needs)"]
      + e.chunks.map {
        "\($0.role) \($0.setupName ?? "-") \($0.location) \($0.code.debugDescription)"
      }
      + [e.expectedOutput, e.expectedDiagnostics].compactMap { $0 }.map {
        "expects \($0.location) \($0.unordered) \($0.text.debugDescription)"
      }
  }
    + lesson.claims.map {
      "claim \($0.text.debugDescription) \($0.location) \($0.quantity) \($0.expectation) \(String(describing: $0.neededCores))"
    } + [lesson.title, "\(lesson.checksNothingOnPurpose)"]
}
