import Foundation
import LessonCLI
import LessonKit
import LessonRun
import LessonWeave

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run from the preview's page: the edited code as a lesson of its own (the example with
/// its claims, or a starter with its exercise's goals), verified by the engine as a draft,
/// with every step sent to the page as a Server-Sent Event.
struct PageRunJob: Sendable {
  /// The lesson as the book has it.
  let book: Lesson
  /// The example of the page that was edited (for a starter, the starter).
  let shown: Example
  /// The lesson that builds and judges the edit.
  let edited: Lesson
  /// The exercise whose starter was edited, checked as `lesson-runner check` checks it.
  let exercise: Exercise?

  /// The edited code, as the editor holds it.
  let code: String

  init?(book: Lesson, example: Example, code: String) {
    self.book = book
    self.shown = example
    self.code = code
    let path = Preview.editorPath
    if example.exercise?.version == .starter {
      guard let name = example.exercise?.exercise, let exercise = book.exercise(named: name),
        let lesson = Workspace.answerLesson(for: exercise, of: book, code: code, path: path)
      else { return nil }
      self.exercise = exercise
      self.edited = Self.scratch(lesson)
    } else {
      guard
        let lesson = Workspace.editedLesson(book, family: example.family, code: code, path: path)
      else { return nil }
      self.exercise = nil
      self.edited = Self.scratch(lesson)
    }
  }

  /// The longest the runs of one edit may take in all, once it is built; each run is also
  /// capped on its own (`Workspace.editedRunCap`).
  static let runsCap: Duration = .seconds(180)

  /// Stops the runs when they have taken `runsCap` since the build, until they end.
  private func watch(
    _ stream: PageRunEvents, abandoned: Preview.Abandonment
  ) {
    Thread {
      while !stream.ended && !abandoned.happened {
        Thread.sleep(forTimeInterval: 0.25)
        guard let built = stream.builtAt, ContinuousClock.now - built > Self.runsCap else {
          continue
        }
        stream.markOverTime()
        stream.send(
          "error", ["message": "The runs took more than \(Self.runsCap) in all, and were stopped."])
        abandoned.abandon()
      }
    }.start()
  }

  /// The draft's name for every run from the page: one scratch package, so that the
  /// libraries an example imports are built there once, for every example and lesson, and
  /// never in the folder that `lesson-runner check` uses. Each run stops at the cap.
  static let scratchSlug = "preview-page-runs"

  static func scratch(_ lesson: Lesson) -> Lesson {
    var scratch = lesson
    scratch.slug = scratchSlug
    scratch.examples = lesson.examples.map { example in
      var capped = example
      capped.timeout = min(example.timeout, Workspace.editedRunCap)
      return capped
    }
    return scratch
  }

  /// Verifies the edit, on the calling thread, which it keeps for the whole run: the
  /// engine waits on builds and examples.
  func run(
    in workspace: Workspace, console: Console, events: AsyncStream<String>.Continuation,
    abandoned: Preview.Abandonment
  ) {
    let clock = ContinuousClock()
    let began = clock.now
    let stream = PageRunEvents(events, editedFamily: shown.family, code: code)
    stream.send(
      "started",
      [
        "example": shown.family, "kind": exercise == nil ? "example" : "starter",
        "note": Preview.runsHere,
      ])
    var options = Engine.Options()
    // As a learner's check does: a far miss is said after one run, not after four.
    options.rerunFarMisses = false
    options.measured = bookRuns(in: workspace)
    options.cancelled = { abandoned.happened }
    let engine = Engine(
      workspace: workspace, environment: Session.environment(), options: options,
      reporters: [stream])
    // Another preview (on another port) may be running an edit in the same scratch
    // package: one at a time, across processes too.
    // (Beside the drafts, not among them, where old scratch folders are pruned.)
    let lock = workspace.root.appendingPathComponent(".build/\(Self.scratchSlug).lock")
    try? FileManager.default.createDirectory(
      at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
    let descriptor = open(lock.path, O_CREAT | O_RDWR, 0o644)
    if descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      stream.send("phase", ["text": "Waiting for another preview's run from its page to end…"])
      _ = flock(descriptor, LOCK_EX)
    }
    defer { if descriptor >= 0 { close(descriptor) } }
    watch(stream, abandoned: abandoned)
    let verification = engine.verify([edited])
    stream.markEnded()
    let seconds = (clock.now - began) / .seconds(1)
    if stream.overTime {
      stream.send(
        "done",
        [
          "verdict": "stopped", "seconds": seconds,
          "summary":
            "✗ Stopped: the runs of this edit took more than \(Self.runsCap) in all.",
        ])
      return
    }
    guard !ProcessGroups.shared.isStopping else {
      stream.send(
        "done", ["verdict": "stopped", "summary": "The preview was stopped.", "seconds": seconds])
      return
    }
    guard let report = verification.reports.first else {
      stream.send("error", ["message": "The run ended without a report."])
      stream.send(
        "done", ["verdict": "error", "summary": "The run did not finish.", "seconds": seconds])
      return
    }
    let views: PageRunViews
    do {
      views = try PageRunViews()
    } catch {
      stream.send("error", ["message": "\(error)"])
      stream.send("done", ["verdict": "error", "summary": "\(error)", "seconds": seconds])
      return
    }
    sendOutcomes(report, views, stream)
    let claims = verification.claims(of: edited.path)
    for result in claims {
      let shownClaim = views.claim(result.claim, in: report)
      stream.send(
        "claim",
        [
          "place": "\(result.claim.location.line):\(result.claim.location.column)",
          "text": result.claim.text, "target": result.claim.target,
          "holdsFor": shownClaim.holdsFor, "measured": shownClaim.measured,
          "margin": shownClaim.margin, "verdict": shownClaim.verdict, "mark": shownClaim.mark,
          "shown": shownClaim.shown, "title": shownClaim.details,
          "words": result.verdictSentence,
        ])
    }
    if let exercise {
      finishCheck(exercise, report, claims, stream, seconds)
    } else {
      finishExample(report, claims, stream, seconds)
    }
  }

  /// The book's saved runs of the examples the edit keeps unchanged, when they were made of
  /// the lesson as it is now: the edited example is compared with what the book measured.
  private func bookRuns(in workspace: Workspace) -> [String: [RunRecord]] {
    guard exercise == nil, case .success(let saved) = workspace.results.read(book.fileStem),
      LessonResults(report: saved, for: book).currentReport != nil
    else { return [:] }
    var runs: [String: [RunRecord]] = [:]
    for example in edited.examples where example.family != shown.family {
      if let report = saved.examples.first(where: { $0.name == example.name }),
        !report.runs.isEmpty
      {
        runs[example.name] = report.runs
      }
    }
    return runs
  }

  /// The figure of each build's outcome, where the book's stands on the page.
  private func sendOutcomes(_ report: LessonReport, _ views: PageRunViews, _ stream: PageRunEvents)
  {
    let builds =
      exercise == nil ? edited.examples.filter { $0.family == shown.family } : edited.examples
    for example in builds {
      // A starter's answer is built as its solution; its figure replaces the starter's.
      let id = "result-" + (exercise == nil ? example.fileName : shown.fileName)
      let html = views.outcome(
        of: example, in: edited, report: report, id: id,
        heading: "What your edit of \(shown.family) did, run from this page"
          + (example.isVariant ? " (\(example.setting.name))" : ""))
      stream.send("outcome", ["id": id, "html": html])
    }
  }

  private func finishExample(
    _ report: LessonReport, _ claims: [ClaimResult], _ stream: PageRunEvents, _ seconds: Double
  ) {
    let mine = report.examples.filter { Example.family(of: $0.name) == shown.family }
    if mine.contains(where: { $0.status == .buildFailed }) {
      stream.send(
        "done",
        [
          "verdict": "build-failed", "seconds": seconds,
          "summary": "✗ \(shown.family) does not build as edited: see the errors above.",
        ])
      return
    }
    let failedClaims = claims.filter { $0.verdict == .failed || $0.verdict == .unmeasured }
    let failedRuns = mine.filter { $0.status == .failed }
    let held = claims.count - failedClaims.count
    var summary: String
    if failedClaims.isEmpty && failedRuns.isEmpty {
      summary = "✓ \(shown.family) as edited does what the lesson says"
      summary += claims.isEmpty ? "." : ": \(held) of \(claims.count) claims hold."
    } else {
      var parts: [String] = []
      if !failedRuns.isEmpty { parts.append("its output or ending is not what the lesson shows") }
      if !failedClaims.isEmpty {
        parts.append(
          "\(failedClaims.count) of \(claims.count) claim\(claims.count == 1 ? "" : "s") about it do\(failedClaims.count == 1 ? "es" : "") not hold"
        )
      }
      summary = "✗ \(shown.family) as edited: " + parts.joined(separator: ", and ") + "."
    }
    let passed = failedClaims.isEmpty && failedRuns.isEmpty
    stream.send(
      "done", ["verdict": passed ? "passed" : "failed", "summary": summary, "seconds": seconds])
  }

  /// The goals and the hint, as `lesson-runner check` shows them.
  private func finishCheck(
    _ exercise: Exercise, _ report: LessonReport, _ claims: [ClaimResult], _ stream: PageRunEvents,
    _ seconds: Double
  ) {
    guard let program = report.examples.first(where: { $0.name == exercise.name }) else {
      stream.send(
        "done", ["verdict": "error", "summary": "The check did not finish.", "seconds": seconds])
      return
    }
    if program.status == .buildFailed || report.status == .error {
      stream.send(
        "done",
        [
          "verdict": "build-failed", "seconds": seconds,
          "summary": "✗ Your code does not build: fix the errors above, then run it again.",
        ])
      return
    }
    let goals = Judge.goals(of: exercise, in: book, program: program, claims: claims)
    for goal in goals {
      stream.send(
        "goal",
        [
          "text": goal.text, "met": goal.met, "detail": goal.detail ?? NSNull(),
          "place": "\(goal.location.line):\(goal.location.column)",
        ])
    }
    let missed = goals.filter { !$0.met }.count
    for hint in Judge.hints(for: goals, of: exercise).prefix(1) {
      stream.send("hint", ["text": hint.text])
    }
    let summary =
      missed == 0
      ? "✓ Solved: every goal of \(exercise.name) holds."
      : "✗ Not yet: \(missed) of \(goals.count) goal\(goals.count == 1 ? "" : "s") missed."
    stream.send(
      "done",
      ["verdict": missed == 0 ? "passed" : "failed", "summary": summary, "seconds": seconds])
  }
}
