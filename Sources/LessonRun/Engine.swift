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
  private let reporters: [any EngineReporter]
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
  private func emit(_ event: EngineEvent) {
    lock.withLock { _ in
      for reporter in reporters { reporter.handle(event) }
    }
  }

  /// A lesson on its way to a verdict.
  private struct Job {
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

  /// Verifies `lessons` and returns their reports, in the same order.
  @discardableResult
  public func verify(_ lessons: [Lesson]) -> [LessonReport] {
    var jobs = lessons.map(prepare)
    var first = jobs.map { job in
      Dictionary(
        job.lesson.examples.filter { $0.mode == .run }.map { ($0.name, $0.runs) },
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
          && jobs[j].lesson.example(named: name)?.mode == .run
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
    return jobs.map(finish)
  }

  // MARK: Build

  private func prepare(_ lesson: Lesson) -> Job {
    emit(.lessonStarted(lesson))
    var job = Job(
      lesson: lesson, home: workspace,
      map: SourceMap([Tangler.lineTable(for: lesson)]),
      examples: lesson.examples.map(Judge.emptyReport))
    if case .success(let report) = workspace.results.read(lesson.fileStem) {
      job.previous = report
    }
    if lesson.number == nil {
      do {
        job.home = Workspace(root: try workspace.tangleDraft(lesson))
      } catch {
        job.diagnostics.append(
          Diagnostic(
            at: SourceLocation(file: lesson.path, line: 1),
            "cannot write the scratch package: \(error)"))
        job.unbuilt = Set(lesson.examples.map(\.name))
        return job
      }
    }
    for example in lesson.examples {
      guard let reason = Platform.skipReason(example.platforms, on: .current),
        let index = job.index(of: example.name)
      else { continue }
      job.elsewhere.insert(example.name)
      job.examples[index].status = .otherPlatform
      job.examples[index].diagnostics = [
        Diagnostic(.note, at: example.location, "example '\(example.name)' is \(reason)")
      ]
    }
    build(&job)
    for example in lesson.examples
    where example.mode == .compileFail && !job.elsewhere.contains(example.name) {
      guard let index = job.index(of: example.name) else { continue }
      let file = job.home.root.appendingPathComponent(
        Tangler.sourcePath(of: example, in: lesson))
      let record = Toolchain.typecheck(file, setting: example.setting)
      let problems = Judge.compileFailure(record, of: example, map: job.map)
      job.examples[index].runs.append(record)
      job.examples[index].diagnostics = problems
      if problems.contains(where: { $0.severity == .error }) {
        job.examples[index].status = .failed
      }
      emit(.compileFailChecked(lesson, job.examples[index]))
    }
    return job
  }

  /// The program of a compiled example: where swiftc or SwiftPM put it.
  private static func program(of example: Example, in job: Job) -> URL {
    let target = job.lesson.targetName(of: example)
    return Tangler.isPackaged(example)
      ? Toolchain.binaryFolder(scratch: job.home.lessonsBuild).appendingPathComponent(target)
      : job.home.compiledExamples.appendingPathComponent(target)
  }

  /// Builds the lesson's examples: each that imports no library with swiftc, those whose
  /// source changed since their last build only, side by side on the machine's cores; those
  /// that import libraries in one build of the lessons package, and when that fails, each
  /// alone, to find which do not compile, so that the others still run.
  private func build(_ job: inout Job) {
    let lesson = job.lesson
    let built = lesson.examples.filter(Tangler.isCompiled).filter {
      !job.elsewhere.contains($0.name)
    }
    guard !built.isEmpty else { return }
    var summary = BuildSummary(
      examples: built.count, succeeded: true, seconds: 0, failures: [], diagnostics: [])
    let started = ContinuousClock.now

    let direct = built.filter { !Tangler.isPackaged($0) }
    let outcomes = Mutex([String: (outcome: Toolchain.BuildOutcome, compiled: Bool)]())
    let home = job.home
    DispatchQueue.concurrentPerform(iterations: direct.count) { i in
      let example = direct[i]
      let result = Toolchain.compile(
        home.root.appendingPathComponent(Tangler.sourcePath(of: example, in: lesson)),
        module: lesson.targetName(of: example), setting: example.setting,
        output: home.compiledExamples.appendingPathComponent(lesson.targetName(of: example)))
      outcomes.withLock { $0[example.name] = result }
    }
    let compiled = outcomes.withLock { $0 }
    for example in direct {
      guard let result = compiled[example.name] else { continue }
      if result.compiled { summary.rebuilt.append(example.name) }
      if !result.outcome.succeeded {
        failed(example, output: result.outcome.output, &job, &summary)
      }
    }

    let packaged = built.filter(Tangler.isPackaged)
    if !packaged.isEmpty { buildPackage(packaged, &job, &summary) }

    summary.succeeded = summary.failures.isEmpty && job.unbuilt.isEmpty
    summary.upToDate = summary.rebuilt.isEmpty && summary.succeeded
    let elapsed = ContinuousClock.now - started
    summary.seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    job.diagnostics += summary.diagnostics
    emit(.buildFinished(lesson, summary))
  }

  /// The examples that import libraries, in one `swift build` of the lesson's target in the
  /// lessons package, unless nothing changed since the last one.
  private func buildPackage(_ packaged: [Example], _ job: inout Job, _ summary: inout BuildSummary)
  {
    let lesson = job.lesson
    let home = job.home
    let products = packaged.map(lesson.targetName) + [lesson.lessonTarget]
    let sources =
      Tangler.files(for: lesson).map(\.path).filter { path in
        packaged.contains { path == Tangler.sourcePath(of: $0, in: lesson) }
          || path.hasSuffix("/\(lesson.lessonTarget)/main.swift")
      }.map { String($0.dropFirst(Tangler.root.count + 1)) }
    // Nothing changed since the last build: SwiftPM would take seconds to say so.
    if Toolchain.isUpToDate(
      products: products, sources: sources, stamp: lesson.lessonTarget,
      packagePath: home.lessonsPackage, scratch: home.lessonsBuild)
    {
      return
    }
    summary.rebuilt += packaged.map(\.name)
    let outcome = Toolchain.build(
      product: lesson.lessonTarget, packagePath: home.lessonsPackage, scratch: home.lessonsBuild)
    if outcome.succeeded {
      Toolchain.recordBuilt(lesson.lessonTarget, scratch: home.lessonsBuild)
      return
    }
    let before = summary.failures.count
    for example in packaged {
      let alone = Toolchain.build(
        product: lesson.targetName(of: example), packagePath: home.lessonsPackage,
        scratch: home.lessonsBuild)
      if !alone.succeeded { failed(example, output: alone.output, &job, &summary) }
    }
    if summary.failures.count == before {
      summary.diagnostics.append(
        Diagnostic(
          at: SourceLocation(file: lesson.path, line: 1),
          "the lesson's build failed:\n\(CompilerOutput.tail(outcome.output))"))
      job.unbuilt.formUnion(packaged.map(\.name))
    }
  }

  /// Records that `example` does not compile, with what the compiler said of it.
  private func failed(
    _ example: Example, output: String, _ job: inout Job, _ summary: inout BuildSummary
  ) {
    let said = Judge.buildFailure(of: example, output: output, map: job.map)
    summary.failures.append((example.name, said))
    job.unbuilt.insert(example.name)
    if let index = job.index(of: example.name) {
      job.examples[index].status = .buildFailed
      job.examples[index].diagnostics = said
    }
    summary.diagnostics.append(
      Diagnostic(
        at: example.location,
        "example '\(example.name)' does not compile"
          + (said.first.map { ":\n\($0.description)" } ?? "")))
  }

  // MARK: Runs

  private struct Request: Sendable {
    var job: Int
    var example: Example
    var binary: URL
    var map: SourceMap
    /// The first run; a request for runs side by side may hold several runs, one after
    /// another.
    var ticket: RunTicket
    var count = 1
    /// How long the runs are expected to take, from earlier runs; 0 when unknown.
    var expected = 0.0
    /// The share of a core the runs are expected to use, from earlier runs.
    var cpuShare = 0.0
  }

  /// Runs examples until each has `wanted[job][name]` runs, in rounds: every example's
  /// first run, then every second, so that examples compared in a ratio are measured
  /// close in time and a change in the machine's load falls on all. An example that runs
  /// side by side takes its remaining runs one after another in its own lane. With
  /// `alone`, every run has the machine to itself.
  private func runInRounds(_ wanted: [[String: Int]], _ jobs: inout [Job], alone everyRun: Bool) {
    let most = wanted.flatMap(\.values).max() ?? 0
    guard most >= 1 else { return }
    for round in 1...most {
      var requests: [Request] = []
      let schedules = jobs.map(schedule)
      if round == 1 && !everyRun {
        for j in jobs.indices {
          for i in jobs[j].examples.indices where jobs[j].examples[i].schedule == nil {
            jobs[j].examples[i].schedule = schedules[j][jobs[j].examples[i].name]
          }
        }
      }
      for (j, job) in jobs.enumerated() {
        for report in job.examples {
          guard let want = wanted[j][report.name], want >= round, report.runs.count < round,
            !job.unbuilt.contains(report.name), !job.elsewhere.contains(report.name),
            let example = job.lesson.example(named: report.name), example.mode == .run
          else { continue }
          let shared =
            options.sideBySide && !everyRun && schedules[j][example.name]?.sideBySide == true
          let ticket = RunTicket(
            lesson: job.lesson.path, example: example.name, location: example.location,
            run: report.runs.count + 1, of: max(example.runs, want), sideBySide: shared)
          // A Python example's program is its tangled source, which python3 runs.
          let binary =
            example.language == .python
            ? job.home.root.appendingPathComponent(
              Tangler.sourcePath(of: example, in: job.lesson))
            : Self.program(of: example, in: job)
          let count = shared ? want - report.runs.count : 1
          requests.append(
            Request(
              job: j, example: example, binary: binary, map: job.map, ticket: ticket,
              count: count, expected: Double(count) * (typicalWall(example, in: job) ?? 0),
              cpuShare: cpuShare(of: example, in: job) ?? 1))
        }
      }
      for (request, records) in execute(requests) {
        guard let index = jobs[request.job].index(of: request.example.name) else { continue }
        for record in records {
          Judge.add(
            record, of: request.example, to: &jobs[request.job].examples[index], map: request.map)
        }
      }
    }
  }

  /// Runs the requests: those that may share the machine together, the longest first and
  /// their starts a little apart, so that no two programs start up at once; then the
  /// others one at a time, in order.
  private func execute(_ requests: [Request]) -> [(Request, [RunRecord])] {
    var shared = requests.filter(\.ticket.sideBySide)
    if shared.count == 1 { shared[0].ticket.sideBySide = false }
    let solo = requests.filter { !$0.ticket.sideBySide } + shared.filter { !$0.ticket.sideBySide }
    shared = shared.filter(\.ticket.sideBySide).sorted { $0.expected > $1.expected }
    var done: [(Request, [RunRecord])] = []
    if !shared.isEmpty {
      emit(.runsSideBySide(shared.map(\.ticket)))
      let records = Mutex([Int: [RunRecord]]())
      let group = DispatchGroup()
      let lanes = Lanes(
        count: max(1, options.maxSideBySide),
        budget: options.cpuBudget * Double(max(1, environment.cores)))
      for (i, request) in shared.enumerated() {
        lanes.enter(share: request.cpuShare)
        if i > 0 { Thread.sleep(forTimeInterval: options.startGap) }
        group.enter()
        let thread = Thread { [self] in
          var lane: [RunRecord] = []
          var ticket = request.ticket
          for _ in 0..<request.count {
            var one = request
            one.ticket = ticket
            lane.append(run(one))
            ticket.run += 1
          }
          records.withLock { $0[i] = lane }
          lanes.leave(share: request.cpuShare)
          group.leave()
        }
        thread.start()
      }
      group.wait()
      let all = records.withLock { $0 }
      for (i, request) in shared.enumerated() { done.append((request, all[i] ?? [])) }
    }
    for request in solo {
      var lane: [RunRecord] = []
      var one = request
      for _ in 0..<request.count {
        lane.append(run(one))
        one.ticket.run += 1
      }
      done.append((request, lane))
    }
    return done
  }

  /// The median wall time of the example's earlier successful runs of the same code.
  private func typicalWall(_ example: Example, in job: Job) -> Double? {
    median(earlierRuns(of: example, in: job).map(\.wallSeconds))
  }

  /// Successful runs of the example's current code: this verification's, or else the
  /// saved results'.
  private func earlierRuns(of example: Example, in job: Job) -> [RunRecord] {
    let runs = job.examples.first { $0.name == example.name }?.runs.filter(\.succeeded) ?? []
    guard runs.isEmpty,
      let previous = job.previous?.examples.first(where: { $0.name == example.name }),
      previous.codeHash == Judge.codeHash(of: example)
    else { return runs }
    return previous.runs.filter(\.succeeded)
  }

  /// The median share of a core that the example's earlier runs of the same code used.
  private func cpuShare(of example: Example, in job: Job) -> Double? {
    let runs = earlierRuns(of: example, in: job).filter { $0.wallSeconds > 0 }
    return median(runs.map { $0.cpuSeconds / $0.wallSeconds })
  }

  /// How each example of a job is to run, from its measured CPU share.
  private func schedule(_ job: Job) -> [String: Schedule] {
    var shares: [String: Double] = [:]
    for example in job.lesson.examples where example.mode == .run {
      shares[example.name] = cpuShare(of: example, in: job)
    }
    return Self.schedule(job.lesson, cpuShares: shares, waitingShare: options.waitingShare)
  }

  /// The examples of `lesson` that must have the machine to themselves.
  static func mustRunAlone(_ lesson: Lesson, cpuShares: [String: Double], waitingShare: Double)
    -> Set<String>
  {
    Set(
      schedule(lesson, cpuShares: cpuShares, waitingShare: waitingShare).filter {
        !$0.value.sideBySide
      }.keys)
  }

  /// How each example of `lesson` that runs is to be scheduled, and why. Alone: those that
  /// use the cores (CPU time over wall time above `waitingShare`), those never measured (no
  /// entry in `cpuShares`), those whose claims need cores, and every example compared in a
  /// claim with one of them. The others mostly wait, and run side by side.
  static func schedule(_ lesson: Lesson, cpuShares: [String: Double], waitingShare: Double)
    -> [String: Schedule]
  {
    let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
    var plan: [String: Schedule] = [:]
    for example in lesson.examples where example.mode == .run {
      guard let share = cpuShares[example.name] else {
        plan[example.name] = Schedule(
          sideBySide: false, reason: "never measured: its CPU share is not known yet")
        continue
      }
      plan[example.name] =
        share > waitingShare
        ? Schedule(
          sideBySide: false,
          reason:
            "uses the cores: CPU \(percent(share)) of its wall time, over \(percent(waitingShare))"
        )
        : Schedule(
          sideBySide: true,
          reason:
            "mostly waits: CPU \(percent(share)) of its wall time, at most \(percent(waitingShare))"
        )
    }
    for claim in lesson.claims {
      guard let cores = claim.neededCores else { continue }
      for name in claim.examples where plan[name]?.sideBySide != false {
        plan[name] = Schedule(
          sideBySide: false, reason: "a claim about it needs \(cores) cores")
      }
    }
    var changed = true
    while changed {
      changed = false
      for claim in lesson.claims {
        guard let alone = claim.examples.first(where: { plan[$0]?.sideBySide == false })
        else { continue }
        for name in claim.examples where plan[name]?.sideBySide == true {
          plan[name] = Schedule(
            sideBySide: false, reason: "compared in a claim with '\(alone)', which runs alone")
          changed = true
        }
      }
    }
    return plan
  }

  private func run(_ request: Request) -> RunRecord {
    let ticket = request.ticket
    emit(.runStarted(ticket))
    var record: RunRecord
    let python = request.example.language == .python
    if python
      ? FileManager.default.fileExists(atPath: request.binary.path)
      : FileManager.default.isExecutableFile(atPath: request.binary.path)
    {
      // A program's standard output is a pipe here, which C's stdio would buffer in
      // blocks; stdbuf makes it flush each line, as on a terminal, so timestamps are true.
      // Python's own buffering is turned off with -u.
      let (program, arguments) =
        python
        ? ("python3", ["-u", request.binary.path]) : Self.lineBuffered(request.binary.path)
      var lastTick = -1.0
      record = ChildProcess.run(
        program, .init(arguments: arguments, timeout: request.example.timeout),
        onQuiet: { elapsed in
          guard elapsed - lastTick >= 0.1 else { return }
          lastTick = elapsed
          emit(.quiet(ticket, elapsed))
        }
      ) { line in
        emit(.lineArrived(ticket, line))
      }
    } else {
      record = RunRecord(
        ending: .failedToStart("no program at \(request.binary.path)"), wallSeconds: 0,
        cpuSeconds: 0, stdout: "", stderr: "", lines: [])
    }
    if ticket.sideBySide { record.sideBySide = true }
    var crash: Judge.Crash?
    if case .signalled = record.ending {
      crash = Judge.Crash(
        stderr: record.stderr, map: request.map, lesson: request.example.location.file)
    }
    emit(
      .runEnded(
        ticket, record, problem: Judge.problem(with: record, of: request.example, map: request.map),
        crash: crash))
    return record
  }

  static func lineBuffered(_ path: String) -> (String, [String]) {
    for dir in ["/usr/bin", "/bin"]
    where FileManager.default.isExecutableFile(atPath: dir + "/stdbuf") {
      return (dir + "/stdbuf", ["-oL", "-eL", path])
    }
    return (path, [])
  }

  // MARK: Verdict

  private func finish(_ job: Job) -> LessonReport {
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
    return report
  }
}

/// The lanes for runs side by side: at most `count` at once, and together no more than
/// `budget` cores by their measured CPU shares. A run that would go over the budget waits
/// for others to end, unless no other run is in a lane.
final class Lanes: @unchecked Sendable {
  // Every use of `running` and `shares` holds `condition`'s lock.
  private let condition = NSCondition()
  private var running = 0
  private var shares = 0.0
  let count: Int
  let budget: Double

  init(count: Int, budget: Double) {
    self.count = count
    self.budget = budget
  }

  /// Waits for a lane with room for `share` of a core, and takes it.
  func enter(share: Double) {
    condition.lock()
    defer { condition.unlock() }
    while !take(share) { condition.wait() }
  }

  /// Takes a lane if one has room for `share` of a core now; never waits.
  func tryEnter(share: Double) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return take(share)
  }

  private func take(_ share: Double) -> Bool {
    guard running == 0 || (running < count && shares + share <= budget) else { return false }
    running += 1
    shares += share
    return true
  }

  func leave(share: Double) {
    condition.lock()
    defer { condition.unlock() }
    running -= 1
    shares = running == 0 ? 0 : max(0, shares - share)
    condition.broadcast()
  }
}
