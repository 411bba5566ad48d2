import Foundation

@testable import LessonKit

/// Parses `source` as a lesson file named `name`, returning the lesson or its diagnostics.
func parse(_ source: String, name: String = "09-test.md") -> Result<Lesson, LessonErrors> {
  Result { () throws(LessonErrors) in
    try LessonParser.parse(source: source, path: "lessons/\(name)", fileName: name)
  }
}

func errors(_ source: String) -> [Diagnostic] {
  if case .failure(let e) = parse(source) { return e.diagnostics }
  return []
}

func lesson(_ source: String) throws -> Lesson {
  try parse(source).get()
}

let fence = "```"
