import CommonMark

/// A lesson read from its Markdown file: its examples and the claims its prose makes.
public struct Lesson: Sendable {
  /// The number from the file name (`03-event-loop.md` is 3), or nil for a draft.
  public var number: Int?
  /// The short name from the file name: `event-loop`.
  public var slug: String
  public var title: String
  /// The path used in diagnostics and stamps, relative to the package root when it can be.
  public var path: String
  /// The Markdown source, as read.
  public var source: String
  /// The tree cmark parsed from `source`, which the site renders: a lesson is parsed once.
  /// Empty for a lesson made otherwise than by `LessonParser`, unless it is given one.
  public var document: MarkdownNode
  public var examples: [Example]
  public var claims: [Claim]
  /// The lesson says, with `<!-- lesson-runner: checks nothing -->`, that it has no examples
  /// and no claims on purpose.
  public var checksNothingOnPurpose: Bool
  /// The exercises the reader does; each one's starter and solution are among `examples`.
  public var exercises: [Exercise] = []
  /// Every fenced code block of `document`, in the order of the file, with what it is.
  public var blocks: [FencedBlock] = []

  public init(
    number: Int?, slug: String, title: String, path: String, source: String,
    examples: [Example], claims: [Claim], checksNothingOnPurpose: Bool = false,
    exercises: [Exercise] = [], document: MarkdownNode = .emptyDocument,
    blocks: [FencedBlock] = []
  ) {
    self.number = number
    self.slug = slug
    self.title = title
    self.path = path
    self.source = source
    self.document = document
    self.examples = examples
    self.claims = claims
    self.checksNothingOnPurpose = checksNothingOnPurpose
    self.exercises = exercises
    self.blocks = blocks
  }

  /// The fenced block of `document` whose fence starts at `position`: what the parser
  /// found it to be. Nil for a node that is no fenced block (an indented code block).
  public func block(at position: SourcePosition) -> FencedBlock? {
    blocks.first {
      $0.fence.line == max(position.line, 1) && $0.fence.column == max(position.column, 1)
    }
  }

  /// The marker a lesson with nothing to check writes on a line of its own.
  public static let checksNothingMarker = "<!-- lesson-runner: checks nothing -->"

  /// Nothing in the lesson can fail: it has no examples and no claims.
  public var checksNothing: Bool { examples.isEmpty && claims.isEmpty }

  /// The lesson checks nothing and does not say that it means to: a run of it would pass
  /// having checked nothing. `--strict` fails such a lesson with `checksNothingError`.
  public var checksNothingSilently: Bool { checksNothing && !checksNothingOnPurpose }

  /// The error for a lesson that checks nothing without saying so, at its first line; nil
  /// for any other lesson.
  public var checksNothingError: Diagnostic? {
    guard checksNothingSilently else { return nil }
    return Diagnostic(
      Message(
        "lesson.checks-nothing.silently",
        "this lesson checks nothing: it has no examples and no claims, so a run of it cannot fail; if that is on purpose, say so on a line of its own: \(Self.checksNothingMarker)"
      ), at: SourceLocation(file: path, line: 1))
  }

  public func example(named name: String) -> Example? {
    examples.first { $0.name == name }
  }

  /// The claims the lesson states that measure the example `family` (any of its builds).
  public func claims(measuring family: String) -> [Claim] {
    claims.filter { claim in claim.examples.contains { Example.family(of: $0) == family } }
  }

  public func exercise(named name: String) -> Exercise? {
    exercises.first { $0.name == name }
  }

  /// Every exercise's goals, in the lesson's order.
  public var goals: [Goal] {
    exercises.flatMap(\.goals).sorted {
      ($0.claim.location.line, $0.claim.location.column)
        < ($1.claim.location.line, $1.claim.location.column)
    }
  }

  /// What the judge measures: each claim the lesson states, then each exercise's goal on its
  /// starter (with the exercise's name), in the lesson's order.
  public var judgedClaims: [(claim: Claim, goalOfStarter: String?)] {
    claims.map { ($0, nil) } + goals.map { ($0.onStarter, $0.exercise) }
  }

  /// `01-two-stones`, the lesson's file name without extension.
  public var fileStem: String {
    number.map { String(format2($0)) + "-" + slug } ?? slug
  }

  /// `Lesson01`, or `Draft` plus the slug in camel case for a lesson outside lessons/.
  public var targetPrefix: String {
    number.map { "Lesson" + format2($0) } ?? "Draft" + camelCase(slug)
  }

  /// The executable target that depends on every runnable example of the lesson.
  public var lessonTarget: String { targetPrefix }

  public func targetName(of example: Example) -> String {
    targetPrefix + camelCase(example.name)
  }
}

func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// `two-threads` becomes `TwoThreads`.
func camelCase(_ name: String) -> String {
  name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    .map { $0.prefix(1).uppercased() + $0.dropFirst() }
    .joined()
}
