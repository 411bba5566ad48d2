import CommonMark

/// Reads a lesson file through cmark's tree into a `Lesson`, or reports every problem in it.
///
/// Four stages, each in its folder: scan (`Scan/`: the tree's fences, links and HTML, in
/// order), blocks (`Blocks/`: each fence read by its kind against the attribute table),
/// assemble (`Assemble/`: examples, exercises, the setup graph, claims and goals), checks
/// (`Checks/`: one rule each). Every message is a named `Message` beside its rule.
public enum LessonParser {
  /// Parses `source`, read from `path`. `fileName` (such as `03-event-loop.md`) gives the
  /// number and slug; a name without a number makes a draft lesson.
  public static func parse(source: String, path: String, fileName: String) throws(LessonErrors)
    -> Lesson
  {
    let lines = LessonSource.lines(source)
    var state = ParseState(path: path, lines: lines)
    NulByteCheck.check(&state)
    let document = CommonMark.parse(source)
    let (number, slug) = numberAndSlug(fileName)

    var title: String?
    for item in FenceScanner(path: path, lines: lines).scan(document) {
      switch item {
      case .tooDeep(let at): state.error(.tooDeep, at: at)
      case .title(let text, let at):
        title = text
        TitleCheck.checkEmpty(text, at: at, &state)
      case .fence(let fence):
        let before = state.blockCounts
        BlockReader.read(fence, into: &state)
        state.recordBlock(fence, readAfter: before)
      case .link(let node): LinkReader.read(node, into: &state)
      case .html(let node, let isBlock): HTMLReader.read(node, isBlock: isBlock, into: &state)
      }
    }
    TitleCheck.checkPresent(title, &state)
    let examples = ExamplesAssembler.assemble(&state)
    PortabilityCheck.check(examples, &state)
    SetupCheck.check(&state)
    ClaimTargetCheck.check(examples, &state)
    var exercises = GoalAssembler.complete(examples: examples, &state)
    ClaimAssembler.complete(examples: examples, &state)
    GoalAssembler.attachGoals(to: &exercises, state)
    MarkerCheck.check(&state)
    if !state.diagnostics.isEmpty { throw LessonErrors(state.sortedDiagnostics) }
    return Lesson(
      number: number, slug: slug, title: title ?? slug, path: path, source: source,
      examples: examples, claims: state.claims, checksNothingOnPurpose: state.marker != nil,
      exercises: exercises, document: document, blocks: state.blocks)
  }

  /// `03-event-loop.md` gives (3, "event-loop"); `draft.md` gives (nil, "draft").
  public static func numberAndSlug(_ fileName: String) -> (Int?, String) {
    let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    let digits = stem.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let n = Int(digits), stem.dropFirst(digits.count).first == "-" {
      return (n, String(stem.dropFirst(digits.count + 1)))
    }
    let slug = stem.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return (nil, String(slug))
  }
}
