import Foundation
import LessonKit
import Synchronization

/// Verifies lessons: builds them, schedules and runs their examples, asks `Judge` what the
/// runs mean, and reports each step as an `EngineEvent` to its reporters.
///
/// Runs that mostly wait run side by side; runs that use the cores, and runs whose claims
/// need cores, have the machine to themselves. Which is which is measured, never guessed:
/// an example's CPU time against its wall time, from an earlier run of the same code in
/// this verification or in the saved results. An example never seen before runs alone.
/// Runs side by side together never ask for more than `cpuBudget` of the machine's cores,
/// by those same measurements. A claim that fails is judged again on more runs of its
/// examples, each alone, so that no claim fails because of its neighbours.
public final class Engine: @unchecked Sendable {
  public struct Options: Sendable {
    /// Fail claims that are loose, as `--strict` asks.
    public var strict = false
    /// More runs per example when judging again a claim that failed.
    public var moreRuns = 3
    /// Judge again, on more runs, a claim that missed its band by more than the band's
    /// half-width on runs alone. The book always does, so that no hiccup fails a true
    /// claim. A learner's `check` does not: an example runs once, and one that this run
    /// settles (`Judge.settled`: a claim missed by far, a wrong output) runs no more; the
    /// others take the rest of their runs and their runs again as the book's do.
    public var rerunFarMisses = true
    /// Let runs that mostly wait share the machine; when false every run is alone.
    public var sideBySide = true
    /// Runs already made of some examples, by name: judged as they are, never run again. A
    /// run from the preview's page keeps the book's saved runs of the examples it did not
    /// change, which its claims compare the edited one with.
    public var measured: [String: [RunRecord]] = [:]
    /// Asked before each round of runs: true when nobody waits for the verdict any more,
    /// and no more runs are started.
    public var cancelled: @Sendable () -> Bool = { false }
    /// At most this many runs at once.
    public var maxSideBySide = 12
    /// Seconds between the starts of runs side by side, so that their start-ups, which
    /// do use a core, do not fall together.
    public var startGap = 0.05
    /// CPU time over wall time at or below which a run counts as waiting.
    public var waitingShare = 0.25
    /// The share of the machine's cores that runs side by side may use together, by
    /// their measured CPU shares: beyond it, the next run waits for a lane to end.
    public var cpuBudget = 0.5

    public init() {}
  }

  public let workspace: Workspace
  public let environment: RunEnvironment
  public let options: Options
  let reporters: [any EngineReporter]
  private let lock = Mutex(())

  public init(
    workspace: Workspace, environment: RunEnvironment, options: Options = Options(),
    reporters: [any EngineReporter]
  ) {
    self.workspace = workspace
    self.environment = environment
    self.options = options
    self.reporters = reporters
  }

  /// Hands `event` to every reporter, one event at a time.
  func emit(_ event: EngineEvent) {
    lock.withLock { _ in
      for reporter in reporters { reporter.handle(event) }
    }
  }

  /// A lesson on its way to a verdict.
  struct Job {
    var lesson: Lesson
    /// Where the lesson is tangled and built: the book, or a draft's own folder.
    var home: Workspace
    var map: SourceMap
    var diagnostics: [Diagnostic] = []
    var examples: [ExampleReport]
    /// The report of the lesson's previous verification, for what its runs measured.
    var previous: LessonReport?
    var unbuilt: Set<String> = []
    /// Examples for other platforms (`platforms=`): neither built nor run here.
    var elsewhere: Set<String> = []
    /// The claims as first judged, when some are judged again on runs alone.
    var firstJudging: [ClaimResult]?

    func index(of name: String) -> Int? { examples.firstIndex { $0.name == name } }
  }

  /// Verifies `lessons`: their reports, in the same order, and every claim's verdict.
  @discardableResult
  public func verify(_ lessons: [Lesson]) -> Verification {
    var jobs = lessons.map(prepare)
    for j in jobs.indices {
      for (name, runs) in options.measured {
        guard let i = jobs[j].index(of: name), let example = jobs[j].lesson.example(named: name)
        else { continue }
        for run in runs { Judge.add(run, of: example, to: &jobs[j].examples[i], map: jobs[j].map) }
      }
    }
    var first = jobs.map { job in
      Dictionary(
        job.lesson.examples.filter { $0.mode == .run && options.measured[$0.name] == nil }
          .map { ($0.name, $0.runs) },
        uniquingKeysWith: max)
    }
    if !options.rerunFarMisses {
      // One run first: what it settles is said at once, and only the rest runs on.
      runInRounds(first.map { $0.mapValues { min($0, 1) } }, &jobs, alone: false)
      for j in jobs.indices {
        let claims = Judge.claims(
          of: jobs[j].lesson, examples: jobs[j].examples, cores: environment.cores)
        let settled = Judge.settled(claims, examples: jobs[j].examples)
        first[j] = first[j].filter { !settled.contains($0.key) }
      }
    }
    runInRounds(first, &jobs, alone: false)

    // A failing claim is judged again on the median of more runs, each with the machine to
    // itself: one slow run, a disturbed round, or neighbours that took the cores should not
    // decide it, and a false claim fails alone too.
    var again: [[String: Int]] = []
    for j in jobs.indices {
      let results = Judge.claims(
        of: jobs[j].lesson, examples: jobs[j].examples, cores: environment.cores)
      let settled = options.rerunFarMisses ? [] : Judge.settled(results, examples: jobs[j].examples)
      let names = Judge.examplesToRunAgain(results).subtracting(settled).filter { name in
        !jobs[j].unbuilt.contains(name) && !jobs[j].elsewhere.contains(name)
          && jobs[j].lesson.example(named: name)?.mode == .run && options.measured[name] == nil
      }
      if !names.isEmpty {
        jobs[j].firstJudging = results
        emit(.runningAgain(jobs[j].lesson, examples: names.sorted(), runs: options.moreRuns))
      }
      again.append(
        Dictionary(
          uniqueKeysWithValues: names.map { name in
            (
              name,
              (jobs[j].examples.first { $0.name == name }?.runs.count ?? 0) + options.moreRuns
            )
          }))
    }
    runInRounds(again, &jobs, alone: true)
    var verification = Verification()
    for job in jobs {
      let (report, claims) = finish(job)
      verification.reports.append(report)
      verification.claims[job.lesson.path] = claims
    }
    return verification
  }

  // MARK: Verdict

  /// Judges the job's runs once, and reports the verdicts.
  func finish(_ job: Job) -> (LessonReport, [ClaimResult]) {
    for report in job.examples where report.mode != .compileFail {
      emit(.exampleJudged(job.lesson, report))
    }
    let claims = Judge.claims(
      of: job.lesson, examples: job.examples, cores: environment.cores, first: job.firstJudging)
    for claim in claims { emit(.claimJudged(job.lesson, claim)) }
    let report = Judge.report(
      of: job.lesson, environment: environment, diagnostics: job.diagnostics,
      examples: job.examples, claims: claims, strict: options.strict)
    emit(.lessonFinished(job.lesson, report))
    return (report, claims)
  }
}
