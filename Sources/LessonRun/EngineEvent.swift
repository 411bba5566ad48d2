import LessonKit

/// One run of one example, as the engine schedules it.
public struct RunTicket: Sendable, Hashable {
  /// The lesson's path.
  public var lesson: String
  public var example: String
  /// Where the example starts in the lesson.
  public var location: SourceLocation
  /// 1-based: the first run is the one a reader watches.
  public var run: Int
  /// How many runs the example gets.
  public var of: Int
  /// Whether the run shares the machine with other runs that mostly wait; a run that uses
  /// the cores, or whose claims need them, has the machine to itself.
  public var sideBySide: Bool
}

/// What the engine reports while it verifies lessons, in the order it happens. Reporters
/// (the live terminal view, the JSON report, the results files for the site) listen.
/// Events of runs side by side interleave; each handler sees one event at a time.
public enum EngineEvent: Sendable {
  /// A lesson's verification begins: before its build.
  case lessonStarted(Lesson)
  /// The lesson's build finished; `failures` are the examples that do not build, in the
  /// lesson's order, each with what the compiler said.
  case buildFinished(Lesson, BuildSummary)
  /// A compile-fail example was type-checked and judged.
  case compileFailChecked(Lesson, ExampleReport)
  /// Several runs are about to run side by side.
  case runsSideBySide([RunTicket])
  case runStarted(RunTicket)
  case lineArrived(RunTicket, TimedLine)
  /// Nothing arrived for a while: the seconds since the run began, for a running clock.
  case quiet(RunTicket, Double)
  /// A run ended; `problem` is what was wrong with it, if anything.
  case runEnded(RunTicket, RunRecord, problem: Diagnostic?, crash: Judge.Crash?)
  /// Some claims did not hold: their examples run `runs` more times, for a median.
  case runningAgain(Lesson, examples: [String], runs: Int)
  /// An example that runs has had all its runs, or a compile-only one was built.
  case exampleJudged(Lesson, ExampleReport)
  case claimJudged(Lesson, ClaimResult)
  /// The lesson's verdict, with everything it was made from.
  case lessonFinished(Lesson, LessonReport)
}

public struct BuildSummary: Sendable {
  /// How many examples the lesson compiles.
  public var examples: Int
  public var succeeded: Bool
  public var seconds: Double
  public var failures: [(example: String, diagnostics: [Diagnostic])]
  /// Problems that belong to the lesson rather than one example.
  public var diagnostics: [Diagnostic]
  /// Nothing had changed since the last build, so no compiler was asked.
  public var upToDate = false
  /// The examples compiled this time, because they, or how they are built, changed.
  public var rebuilt: [String] = []
}

/// Something that listens to the engine.
public protocol EngineReporter: AnyObject, Sendable {
  func handle(_ event: EngineEvent)
}

/// Writes each lesson's report where the site reads it, as soon as the lesson is done.
public final class ResultsWriter: EngineReporter, @unchecked Sendable {
  public let results: ResultsFile
  /// Reports that could not be written, with why.
  public private(set) var failures: [String] = []

  public init(_ results: ResultsFile) { self.results = results }

  public func handle(_ event: EngineEvent) {
    guard case .lessonFinished(let lesson, let report) = event,
      !ProcessGroups.shared.isStopping
    else { return }
    do {
      try results.write(report, stem: lesson.fileStem)
      try MarginHistory(directory: results.directory).append(report, stem: lesson.fileStem)
    } catch {
      failures.append("\(results.url(for: lesson.fileStem).path): \(error)")
    }
  }
}
