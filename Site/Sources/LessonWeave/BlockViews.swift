// What the templates for the pieces of a lesson page are given. Mustache reads stored
// properties only, and takes a nil one as false; text is escaped by the templates. A name
// Mustache does not find (a nil property, say) is looked up in the enclosing views, so a
// nested view never reuses a name of the view around it unless it means the same thing.

/// A heading with an anchor (`heading.mustache`, wrapping cmark's rendering of its text).
struct HeadingView {
  var level: Int
  var id: String
  var children = Templates.childrenMark
}

/// A link between lessons, pointed at the page (`link.mustache`).
struct LinkView {
  var href: String
  var title: String?
  var children = Templates.childrenMark
}

/// A claim with what was measured for it (`claim.mustache`).
struct ClaimView {
  /// Where the claim is in the lesson, `281:1` (line and column): how the preview's page
  /// finds the claim again when it is judged on a run from the page.
  var place = ""
  /// `passed`, `failed`, `skipped`, `unmeasured`, or `not-measured` when no current run exists.
  var verdict: String
  /// The measured value as shown, or "" when there is none.
  var measured: String
  /// What the reader sees beside the claim: the value and a mark, or why there is no value.
  var shown: String
  var mark: String
  /// Everything about the claim, for the tooltip.
  var details: String
  /// Where the measured value sits in the band, as a percentage (`62%`), or "".
  var margin = ""
  var children = Templates.childrenMark
}

/// A Swift block (`code.mustache`): an example's code, a setup, a hidden part, a fragment.
struct CodeView {
  /// `example`, `hidden`, `setup` or `fragment`.
  var kind: String
  var id: String?
  var example: String?
  /// Folded behind a summary the reader can open.
  var folded: Bool
  var caption: String?
  /// Highlighted HTML.
  var code: String
  var location: String
}

/// What happened to an example in the latest run (`outcome.mustache`).
struct OutcomeView {
  var id: String
  var example: String
  /// The compiler setting of this build, for an example built under several.
  var setting: String? = nil
  /// `run`, `compile-only` or `compile-fail`.
  var mode: String
  /// `passed`, `failed`, `build-failed` or `not-measured`.
  var verdict: String
  var mark: String
  var heading: String
  var summary: String?
  var note: String?
  var messages: [String]
  var output: String?
  var outputLabel: String?
  var printedNothing: Bool
  var stderr: String?
  var expected: String?
  var expectedLabel: String?
  /// An inline SVG, rendered by `timeline.mustache`.
  var timeline: String?
  var problems: [String]
}

/// How to try an exercise (`exercise.mustache`).
struct ExerciseView {
  var exercise: String
  /// The command that copies the starter into the reader's folder.
  var copy: String
  /// The command that checks the reader's answer against the goals.
  var check: String
}

/// Where an exercise's solution would be (`solution.mustache`): never its code.
struct SolutionView {
  var exercise: String
  /// The solution's verdict in the latest run, when there is one.
  var verdict: String?
}

/// A hint to an exercise, folded (`hint.mustache`).
struct HintView {
  var title: String
  /// The hint's Markdown, rendered by cmark's safe renderer.
  var html: String
  var location: String
}

/// The builds of one example under several settings, side by side (`settings.mustache`).
struct SettingsView {
  var id: String
  var example: String
  /// The settings' names, in the lesson's order, separated by spaces.
  var settings: String
  var caption: String
  /// Each build's outcome, rendered by `outcome.mustache`.
  var outcomes: [String]
}
