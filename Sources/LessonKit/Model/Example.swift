/// A program assembled from one or more `swift` blocks that share an `example=` name.
public struct Example: Sendable {
  /// The language of an example's code, and so how it is run.
  public enum Language: String, Sendable, Codable {
    /// Built by SwiftPM, run as its own program.
    case swift
    /// Run with `python3`, with no build.
    case python
  }

  public enum Mode: String, Sendable, Codable {
    /// Build and run it, then check its output and claims.
    case run
    /// Build it, never run it.
    case compileOnly = "compile-only"
    /// It must fail to compile, saying what its `diagnostic` block expects.
    case compileFail = "compile-fail"
  }

  public var name: String
  /// Where the example's first block starts.
  public var location: SourceLocation
  /// The setup chunks named by `uses=`, then the example's own blocks, in order.
  public var chunks: [CodeChunk]
  public var mode: Mode
  public var language: Language = .swift
  public var timeout: Duration
  public var runs: Int
  /// Library products the example imports, such as `NIOPosix`.
  public var needs: [String]
  /// The platforms the example runs on (`platforms=linux`: it reads `/proc`, say); nil for
  /// every one. Elsewhere it is neither built nor run, and its claims are skipped.
  public var platforms: [Platform]?
  public var expectedOutput: ExpectedText?
  public var expectedDiagnostics: ExpectedText?
  /// How the example must end, for one that is meant to fail; nil means exit status 0.
  public var expectedEnding: ExpectedEnding?
  /// What it must print on standard error, span markers left out.
  public var expectedStderr: ExpectedText?
  /// For one version of an exercise, which one and the exercise's name; nil for an example.
  public var exercise: ExercisePart?
  /// How it is compiled: the book's default unless the example names settings.
  public var setting: CompilerSetting = CompilerSettings.bookDefault
  /// The name the lesson gives the example. An example built under several settings is one
  /// example per setting, each named `family:setting` (`heartbeat:nonsending`); any other
  /// example's family is its name.
  public var family: String

  /// Whether the example is one of several builds of the same code under named settings.
  public var isVariant: Bool { family != name }

  /// The example's name as a file or folder name: `heartbeat.nonsending` for a variant.
  public var fileName: String { name.replacingOccurrences(of: ":", with: ".") }

  /// The name of one build of `family` under `setting`.
  public static func variantName(_ family: String, _ setting: String) -> String {
    "\(family):\(setting)"
  }

  /// The example a reference names, without its setting: `heartbeat` for
  /// `heartbeat:nonsending`.
  public static func family(of reference: String) -> String {
    String(reference.prefix { $0 != ":" })
  }

  public init(
    name: String, location: SourceLocation, chunks: [CodeChunk], mode: Mode = .run,
    timeout: Duration = .seconds(30), runs: Int = 1, needs: [String] = [],
    expectedOutput: ExpectedText? = nil, expectedDiagnostics: ExpectedText? = nil
  ) {
    self.name = name
    self.family = name
    self.location = location
    self.chunks = chunks
    self.mode = mode
    self.timeout = timeout
    self.runs = runs
    self.needs = needs
    self.expectedOutput = expectedOutput
    self.expectedDiagnostics = expectedDiagnostics
  }
}

/// The code of one fenced block, with the location of its first code line.
public struct CodeChunk: Sendable, Hashable {
  public enum Role: String, Sendable, Codable { case code, setup, hidden }

  public var code: String
  /// The line and column of the first line of code (the line after the fence).
  public var location: SourceLocation
  public var role: Role
  /// For setup chunks, the setup's name.
  public var setupName: String?

  public init(code: String, location: SourceLocation, role: Role = .code, setupName: String? = nil)
  {
    self.code = code
    self.location = location
    self.role = role
    self.setupName = setupName
  }
}

/// Text an example must print (an `output` block) or a compiler must say (a `diagnostic` block).
public struct ExpectedText: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  public var unordered: Bool

  public init(text: String, location: SourceLocation, unordered: Bool = false) {
    self.text = text
    self.location = location
    self.unordered = unordered
  }
}

/// One of an exercise's two programs: the starter the reader begins from, or the book's own
/// solution. Both are judged against the exercise's goals, the solution to pass them all and
/// the starter to miss at least one.
public struct ExercisePart: Sendable, Hashable {
  public enum Version: String, Sendable, Hashable, Codable { case starter, solution }

  public var version: Version
  /// The exercise's name, which its goals (claims and expected output) name.
  public var exercise: String

  public init(_ version: Version, of exercise: String) {
    self.version = version
    self.exercise = exercise
  }
}
