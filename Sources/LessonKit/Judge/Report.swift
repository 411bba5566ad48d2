/// Everything a verification of one lesson found, as printed with `--json` and kept for the site.
public struct LessonReport: Sendable, Codable {
  public enum Status: String, Sendable, Codable {
    /// Every output and claim holds.
    case passed
    /// An output or a claim does not hold.
    case failed
    /// The lesson is malformed or an example does not build.
    case error
  }

  public var lesson: String
  public var number: Int?
  public var title: String
  /// A hash of the lesson's Markdown when it was verified, so a later reader can tell stale results.
  public var sourceHash: String
  public var status: Status
  public var environment: RunEnvironment
  public var diagnostics: [Diagnostic]
  public var examples: [ExampleReport]
  /// The claims the lesson states, each with its verdict.
  public var claims: [ClaimReport]
  /// The exercises' goals as judged on their starters, which are meant to miss at least
  /// one: not the lesson's claims, so no count of claims holds them. Whether a starter
  /// missed one is its own example's verdict.
  public var starterGoals: [ClaimReport]

  public init(
    lesson: String, number: Int?, title: String, sourceHash: String, status: Status,
    environment: RunEnvironment, diagnostics: [Diagnostic], examples: [ExampleReport],
    claims: [ClaimReport], starterGoals: [ClaimReport] = []
  ) {
    self.lesson = lesson
    self.number = number
    self.title = title
    self.sourceHash = sourceHash
    self.status = status
    self.environment = environment
    self.diagnostics = diagnostics
    self.examples = examples
    self.claims = claims
    self.starterGoals = starterGoals
  }

  private enum CodingKeys: String, CodingKey {
    case lesson, number, title, sourceHash, status, environment, diagnostics, examples
    case claims, starterGoals
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    lesson = try c.decode(String.self, forKey: .lesson)
    number = try c.decodeIfPresent(Int.self, forKey: .number)
    title = try c.decode(String.self, forKey: .title)
    sourceHash = try c.decode(String.self, forKey: .sourceHash)
    status = try c.decode(Status.self, forKey: .status)
    environment = try c.decode(RunEnvironment.self, forKey: .environment)
    diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
    examples = try c.decode([ExampleReport].self, forKey: .examples)
    claims = try c.decode([ClaimReport].self, forKey: .claims)
    // A report saved before goals had a list of their own has none.
    starterGoals = try c.decodeIfPresent([ClaimReport].self, forKey: .starterGoals) ?? []
  }
}

extension LessonReport {
  /// What a report counts, as every summary of it says: the terminal's, the list of
  /// lessons', the page's. Goals judged on an exercise's starter are not the lesson's
  /// claims: the starter's own verdict says whether it missed one.
  public struct Counts: Sendable, Hashable {
    public var examples = 0
    /// Examples that passed, or that build as they should and are not run.
    public var passedExamples = 0
    /// Examples for other platforms, neither built nor run here.
    public var elsewhereExamples = 0
    public var claims = 0
    public var passed = 0
    /// Claims that failed or could not be measured.
    public var failed = 0
    public var skipped = 0
    /// Claims that passed, but would have with a wrong number too.
    public var loose = 0
    /// Claims that failed side by side and passed alone.
    public var passedAlone = 0
  }

  public var counts: Counts {
    var c = Counts()
    c.examples = examples.count
    c.elsewhereExamples = examples.filter { $0.status == .otherPlatform }.count
    c.passedExamples = examples.filter { $0.status == .passed || $0.status == .notRun }.count
    c.claims = claims.count
    c.passed = claims.filter { $0.verdict == .passed }.count
    c.failed = claims.filter { $0.verdict == .failed || $0.verdict == .unmeasured }.count
    c.skipped = claims.filter { $0.verdict == .skipped }.count
    c.loose = claims.filter { $0.verdict == .passed && $0.sharp == false }.count
    c.passedAlone = claims.filter(\.passedAlone).count
    return c
  }

  /// The report of a lesson that could not be parsed: no examples and no claims, only
  /// its diagnostics, each at its file, line and column, so that a JSON reader sees what
  /// is wrong and where.
  public static func malformed(
    path: String, fileName: String, diagnostics: [Diagnostic], environment: RunEnvironment
  ) -> LessonReport {
    LessonReport(
      lesson: path, number: LessonParser.numberAndSlug(fileName).0, title: "",
      sourceHash: "", status: .error, environment: environment, diagnostics: diagnostics,
      examples: [], claims: [])
  }
}

/// Where and when a verification ran.
public struct RunEnvironment: Sendable, Codable, Hashable {
  public var swiftVersion: String
  public var os: String
  public var cores: Int
  /// ISO 8601, UTC.
  public var date: String

  public init(swiftVersion: String, os: String, cores: Int, date: String) {
    self.swiftVersion = swiftVersion
    self.os = os
    self.cores = cores
    self.date = date
  }
}

public struct ExampleReport: Sendable, Codable {
  public enum Status: String, Sendable, Codable {
    case passed, failed
    case buildFailed = "build-failed"
    /// It was not run, because the build failed or a compile-only example needs no run.
    case notRun = "not-run"
    /// It is for another platform (`platforms=`): neither built nor run here.
    case otherPlatform = "other-platform"
  }

  public var name: String
  public var file: String
  public var line: Int
  public var mode: Example.Mode
  public var status: Status
  /// What went wrong, each at the place in the lesson a reader would fix.
  public var diagnostics: [Diagnostic]
  public var runs: [RunRecord]
  /// A hash of the code the example compiles, so a later run can tell whether the runs
  /// recorded here were of the same program.
  public var codeHash: String?
  /// For an exercise's starter, the exercise's name: the starter passes when it misses at
  /// least one of the exercise's goals.
  public var starterOf: String?
  /// How the runner scheduled the example's first runs, and why.
  public var schedule: Schedule?
  /// The compiler setting it was built under (`default`, `nonsending`…).
  public var setting: String?
  /// For one build of an example built under several settings, the example's own name
  /// (`heartbeat` for `heartbeat:nonsending`); nil for any other example.
  public var family: String?

  public init(
    name: String, file: String, line: Int, mode: Example.Mode, status: Status,
    diagnostics: [Diagnostic], runs: [RunRecord], codeHash: String? = nil,
    starterOf: String? = nil
  ) {
    self.name = name
    self.file = file
    self.line = line
    self.mode = mode
    self.status = status
    self.diagnostics = diagnostics
    self.runs = runs
    self.codeHash = codeHash
    self.starterOf = starterOf
  }
}

public struct ClaimReport: Sendable, Codable, Hashable {
  public var text: String
  public var file: String
  public var line: Int
  public var column: Int
  public var target: String
  public var relation: Expectation.Relation
  public var dimension: Dimension
  /// The value the sentence states (seconds for times).
  public var expected: Double
  /// The interval in which the claim holds; nil where it is unbounded.
  public var lower: Double?
  public var upper: Double?
  /// A readable form of the interval, such as `1.5 s – 2.5 s`.
  public var tolerance: String
  public var measured: Double?
  public var verdict: Verdict
  public var reason: String?
  /// Whether a wrong number (1.5 or 0.6 times the measured value) would have failed.
  public var sharp: Bool?
  /// Where the median sits in the band: 1 in the middle, 0 on the edge, below 0 outside
  /// (`Expectation.margin`).
  public var margin: Double?
  /// What a first judging found when the claim was judged again on runs alone.
  public var rerun: Rerun?
  /// `passed alone` for a claim that failed side by side and passed alone; otherwise
  /// the verdict.
  public var verdictWords: String?
  /// The compiler setting of each build the claim measures, in the order of its target
  /// (`["nonsending", "default"]` for a ratio of two builds).
  public var settings: [String]?

  /// The platforms the claim holds on, when it holds on some only.
  public var platforms: [Platform]?

  public init(_ result: ClaimResult) {
    let c = result.claim
    text = c.text
    file = c.location.file
    line = c.location.line
    column = c.location.column
    target = c.target
    relation = c.expectation.relation
    dimension = c.expectation.dimension
    expected = c.expectation.value
    let r = c.expectation.range
    lower = r.lower.isFinite ? r.lower : nil
    upper = r.upper.isFinite ? r.upper : nil
    tolerance = Format.range(c.expectation)
    measured = result.measured
    verdict = result.verdict
    reason = result.reason
    sharp = result.sharp
    margin = result.margin.map { ($0 * 1000).rounded() / 1000 }
    rerun = result.rerun
    verdictWords = result.verdictWords
    settings = c.settings.isEmpty ? nil : c.settings
    platforms = c.platforms
  }

  /// `passed alone` for a claim that failed side by side and passed alone.
  public var words: String { Rerun.words(verdict, rerun) }

  /// Whether the claim failed side by side and passed alone.
  public var passedAlone: Bool { Rerun.passedAlone(verdict, rerun) }
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines, unlike `hashValue`.
public func stableHash(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}

/// How the runner decided to run an example: side by side with others, or alone.
public struct Schedule: Sendable, Codable, Hashable {
  public var sideBySide: Bool
  /// Why, in words: the measurement the decision came from.
  public var reason: String

  public init(sideBySide: Bool, reason: String) {
    self.sideBySide = sideBySide
    self.reason = reason
  }
}
