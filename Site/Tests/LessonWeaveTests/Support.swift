import Foundation
import LessonKit
import LessonWeave
import Testing

/// A lesson from Fixtures/, parsed as if it lay in lessons/ (or elsewhere, for a draft).
func fixture(_ name: String) throws -> Lesson {
  let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  return try LessonParser.parse(source: source, path: "lessons/\(name)", fileName: name)
}

let testEnvironment = RunEnvironment(
  swiftVersion: "Swift version 6.3.1 (swift-6.3.1-RELEASE)",
  os: "Debian GNU/Linux 12 (bookworm), x86_64", cores: 2, date: "2026-01-02T03:04:05Z")

/// A run that printed `lines`, each `(seconds, stream, text)`, and exited with `status`.
func run(
  wall: Double, _ lines: [(Double, TimedLine.Stream, String)], status: Int32 = 0
) -> RunRecord {
  let timed = lines.map { TimedLine(time: $0.0, stream: $0.1, text: $0.2) }
  let text = { (stream: TimedLine.Stream) in
    timed.filter { $0.stream == stream }.map { $0.text + "\n" }.joined()
  }
  return RunRecord(
    ending: .exited(status), wallSeconds: wall, cpuSeconds: 0.01, stdout: text(.stdout),
    stderr: text(.stderr), lines: timed)
}

/// A report of `lesson` after `runs`, judged by the same code as the runner's: LessonKit's
/// `Judge`. `sourceHash` makes a stale report.
func report(
  of lesson: Lesson, runs: [String: [RunRecord]], sourceHash: String? = nil
) -> LessonReport {
  let examples = lesson.examples.map { example -> ExampleReport in
    var report = Judge.emptyReport(of: example)
    for record in runs[example.name] ?? [] { Judge.add(record, of: example, to: &report) }
    return report
  }
  var judged = Judge.report(
    of: lesson, environment: testEnvironment, examples: examples,
    claims: Judge.claims(of: lesson, examples: examples, cores: testEnvironment.cores),
    strict: false)
  if let sourceHash { judged.sourceHash = sourceHash }
  return judged
}

/// Runs of the stones fixture: two marked stones, and a plain run that prints two numbers.
func stonesRuns(plainWall: Double = 0.1234) -> [String: [RunRecord]] {
  [
    "two-stones": [
      run(
        wall: 0.305,
        [
          (0.001, .stderr, "::span-begin stone 1"),
          (0.001, .stderr, "::span-begin stone 2"),
          (0.201, .stderr, "::span-end stone 1"),
          (0.202, .stdout, "first stone back"),
          (0.302, .stderr, "::span-end stone 2"),
          (0.302, .stdout, "second stone back"),
          (0.303, .stdout, "done: true"),
        ])
    ],
    "plain": [
      run(
        wall: plainWall,
        [(0.002, .stdout, "first: 0.2 s"), (0.103, .stdout, "second: 0.3 s")])
    ],
  ]
}

/// The start tags in `html`, each as its lower-cased name and attributes, for checking
/// what a browser would treat as markup.
func startTags(_ html: String) -> [(name: String, attributes: [(String, String)])] {
  var tags: [(String, [(String, String)])] = []
  let chars = Array(html)
  var i = 0
  while i < chars.count {
    guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].isLetter else {
      i += 1
      continue
    }
    i += 1
    var name = ""
    while i < chars.count, !chars[i].isWhitespace, chars[i] != ">", chars[i] != "/" {
      name.append(chars[i])
      i += 1
    }
    var attributes: [(String, String)] = []
    while i < chars.count, chars[i] != ">" {
      if chars[i].isWhitespace || chars[i] == "/" {
        i += 1
        continue
      }
      var key = ""
      while i < chars.count, !chars[i].isWhitespace, chars[i] != "=", chars[i] != ">" {
        key.append(chars[i])
        i += 1
      }
      var value = ""
      if i < chars.count, chars[i] == "=" {
        i += 1
        if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
          let quote = chars[i]
          i += 1
          while i < chars.count, chars[i] != quote {
            value.append(chars[i])
            i += 1
          }
          i += 1
        } else {
          while i < chars.count, !chars[i].isWhitespace, chars[i] != ">" {
            value.append(chars[i])
            i += 1
          }
        }
      }
      attributes.append((key.lowercased(), value))
    }
    tags.append((name.lowercased(), attributes))
  }
  return tags
}

/// The text between `<tag` and the next `</tag>` for every element whose start tag contains
/// `marker`, such as `class="claim `.
func elements(_ html: String, tag: String, containing marker: String) -> [String] {
  var found: [String] = []
  var rest = html[...]
  while let start = rest.range(of: "<\(tag)") {
    let after = rest[start.lowerBound...]
    guard let close = after.range(of: ">") else { break }
    let startTag = after[..<close.upperBound]
    if startTag.contains(marker) {
      var depth = 0
      var cursor = start.lowerBound
      while cursor < rest.endIndex {
        if rest[cursor...].hasPrefix("<\(tag)") { depth += 1 }
        if rest[cursor...].hasPrefix("</\(tag)>") {
          depth -= 1
          if depth == 0 {
            found.append(String(rest[start.lowerBound..<cursor]))
            break
          }
        }
        cursor = rest.index(after: cursor)
      }
    }
    rest = rest[close.upperBound...]
  }
  return found
}
