import Foundation
import LessonKit
import Synchronization

// Runs: in rounds, side by side or alone.
extension Engine {

  struct Request: Sendable {
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
  func runInRounds(_ wanted: [[String: Int]], _ jobs: inout [Job], alone everyRun: Bool) {
    let most = wanted.flatMap(\.values).max() ?? 0
    guard most >= 1 else { return }
    for round in 1...most {
      if options.cancelled() { return }
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
  func execute(_ requests: [Request]) -> [(Request, [RunRecord])] {
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

  func run(_ request: Request) -> RunRecord {
    let ticket = request.ticket
    // Nobody waits for the verdict any more: the rest of the round is not started either.
    if options.cancelled() {
      return RunRecord(
        ending: .failedToStart("not started: the verification was cancelled"), wallSeconds: 0,
        cpuSeconds: 0, stdout: "", stderr: "", lines: [])
    }
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
}
