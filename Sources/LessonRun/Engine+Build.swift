import Foundation
import LessonKit
import Synchronization

// Build: each example compiled, once per change.
extension Engine {

  func prepare(_ lesson: Lesson) -> Job {
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
          Diagnostic(.scratchUnwritable(error), at: SourceLocation(file: lesson.path, line: 1)))
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
        Diagnostic(.note, .otherPlatform(example.name, reason), at: example.location)
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
  static func program(of example: Example, in job: Job) -> URL {
    let target = job.lesson.targetName(of: example)
    return Tangler.isPackaged(example)
      ? Toolchain.binaryFolder(scratch: job.home.lessonsBuild).appendingPathComponent(target)
      : job.home.compiledExamples.appendingPathComponent(target)
  }

  /// Builds the lesson's examples: each that imports no library with swiftc, those whose
  /// source changed since their last build only, side by side on the machine's cores; those
  /// that import libraries in one build of the lessons package, and when that fails, each
  /// alone, to find which do not compile, so that the others still run.
  func build(_ job: inout Job) {
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
  func buildPackage(_ packaged: [Example], _ job: inout Job, _ summary: inout BuildSummary) {
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
    if rebuildChanged(packaged, &job, &summary) { return }
    summary.rebuilt += packaged.map(\.name)
    let outcome = Toolchain.build(
      product: lesson.lessonTarget, packagePath: home.lessonsBuildRoot,
      scratch: home.lessonsBuild, dependencyManifests: home.lessonsManifests)
    if outcome.succeeded {
      Toolchain.recordBuilt(lesson.lessonTarget, scratch: home.lessonsBuild)
      return
    }
    let before = summary.failures.count
    for example in packaged {
      let alone = Toolchain.build(
        product: lesson.targetName(of: example), packagePath: home.lessonsBuildRoot,
        scratch: home.lessonsBuild, dependencyManifests: home.lessonsManifests)
      if !alone.succeeded { failed(example, output: alone.output, &job, &summary) }
    }
    if summary.failures.count == before {
      summary.diagnostics.append(
        Diagnostic(
          .lessonBuildFailed(CompilerOutput.tail(outcome.output)),
          at: SourceLocation(file: lesson.path, line: 1)))
      job.unbuilt.formUnion(packaged.map(\.name))
    }
  }

  /// Builds only the examples whose source changed since their program was linked, by the
  /// commands of SwiftPM's plan (`BuildPlan`), without `swift build`: true when that was
  /// possible for every one of them, false when SwiftPM must build the lesson.
  func rebuildChanged(
    _ packaged: [Example], _ job: inout Job, _ summary: inout BuildSummary
  ) -> Bool {
    let lesson = job.lesson
    let home = job.home
    let binaries = Toolchain.binaryFolder(scratch: home.lessonsBuild)
    let source = { (example: Example) in
      home.root.appendingPathComponent(Tangler.sourcePath(of: example, in: lesson))
    }
    var changed: [Example] = []
    for example in packaged {
      let program = binaries.appendingPathComponent(lesson.targetName(of: example))
      guard let linked = Toolchain.modificationDate(of: program),
        let edited = Toolchain.modificationDate(of: source(example))
      else { return false }
      if edited >= linked { changed.append(example) }
    }
    // The lesson's own target changes when an example is added or removed: a new plan.
    let aggregate = binaries.appendingPathComponent(lesson.lessonTarget)
    guard !changed.isEmpty, let linked = Toolchain.modificationDate(of: aggregate),
      let listed = Toolchain.modificationDate(
        of: home.root.appendingPathComponent(
          "\(Tangler.directory(of: lesson))/\(lesson.lessonTarget)/main.swift")),
      listed < linked
    else { return false }
    let manifests =
      [
        home.lessonsBuildRoot.appendingPathComponent("Package.swift"),
        home.lessonsBuildRoot.appendingPathComponent("Package.resolved"),
        home.lessonsPackage.appendingPathComponent("Package.swift"),
        home.root.appendingPathComponent("Package.swift"),
      ] + home.lessonsManifests
    guard
      let plan = BuildPlan.current(
        scratch: home.lessonsBuild, manifests: manifests,
        targets: Set(changed.map(lesson.targetName)))
    else { return false }
    var outcomes: [(Example, Toolchain.BuildOutcome)] = []
    for example in changed {
      guard let outcome = plan.build(lesson.targetName(of: example), sources: [source(example)])
      else { return false }
      outcomes.append((example, outcome))
    }
    for (example, outcome) in outcomes {
      summary.rebuilt.append(example.name)
      if !outcome.succeeded { failed(example, output: outcome.output, &job, &summary) }
    }
    if outcomes.allSatisfy(\.1.succeeded) {
      Toolchain.recordBuilt(lesson.lessonTarget, scratch: home.lessonsBuild)
    }
    return true
  }

  /// Records that `example` does not compile, with what the compiler said of it.
  func failed(
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
      Diagnostic(.doesNotCompile(example.name, said.first), at: example.location))
  }
}
