/// One example from its blocks: its mode, settings and limits, its setups, its code.
enum ExampleAssembler {
  /// The example made of `blocks`, or nil when its settings contradict each other.
  static func assemble(_ name: String, _ blocks: [ExampleBlock], _ state: inout ParseState)
    -> Example?
  {
    guard let first = blocks.first else { return nil }
    var example = Example(name: name, location: first.fence, chunks: [])
    if let other = blocks.first(where: { $0.language != first.language }) {
      state.error(.exampleMixesLanguages(name, first, other), at: other.fence)
      return nil
    }
    example.language = first.language
    let compileOnly = setting(.compileOnly, in: blocks, &state)
    let compileFail = setting(.compileFail, in: blocks, &state)
    if let a = compileOnly, let b = compileFail {
      state.error(.compileOnlyAndFail, at: later(a.at, b.at))
      return nil
    }
    example.mode = compileFail != nil ? .compileFail : compileOnly != nil ? .compileOnly : .run
    guard
      SettingsReader.read(name, blocks, into: &example, compileFail: compileFail, &state)
    else { return nil }
    if let t = setting(.timeout, in: blocks, &state) {
      switch parseDuration(t.value) {
      case .success(let d): example.timeout = d
      case .failure(.unreadable): state.error(.timeoutUnreadable(t.value), at: t.at)
      case .failure(.outOfRange): state.error(.timeoutOutOfRange(t.value), at: t.at)
      }
    }
    if let r = setting(.runs, in: blocks, &state) {
      if let n = Int(r.value), (1...9).contains(n) {
        example.runs = n
      } else {
        state.error(.runsBad(r.value), at: r.at)
      }
    }
    if let e = setting(.exit, in: blocks, &state) {
      if let ending = ExpectedEnding(e.value) {
        example.expectedEnding = ending
      } else {
        state.error(.exitBad(e.value), at: e.at)
      }
    }
    if let n = setting(.needs, in: blocks, &state) {
      let products = splitList(n.value)
      for p in products where Library.products[p] == nil {
        state.error(.needsUnknown(p), at: n.at)
      }
      example.needs = products
    }
    if let p = setting(.platforms, in: blocks, &state) {
      var platforms: [Platform] = []
      for word in splitList(p.value) {
        if let platform = Platform.named(word), !platforms.contains(platform) {
          platforms.append(platform)
        } else {
          state.error(
            Platform.named(word) == nil ? .platformUnknown(word) : .platformTwice(word), at: p.at)
        }
      }
      example.platforms = platforms.isEmpty ? nil : platforms
    }
    if let u = setting(.uses, in: blocks, &state) {
      let names = splitList(u.value)
      for used in names {
        SetupGraph.checkUsedName(used, by: "example '\(name)'", at: u.at, &state)
      }
      example.chunks += SetupGraph.setups(included: names, state.setupBlocks).compactMap {
        state.setupBlocks[$0]?.chunk
      }
    }
    for block in blocks {
      var chunk = block.chunk
      chunk.role = block.hidden ? .hidden : .code
      example.chunks.append(chunk)
    }
    return example
  }

  /// The value of a setting given on any one block of an example; reports a different
  /// value on another block.
  static func setting(
    _ key: AttributeName, in blocks: [ExampleBlock], _ state: inout ParseState
  ) -> AttributeValue? {
    let given = blocks.compactMap { $0.settings[key] }
    guard let first = given.first else { return nil }
    if let other = given.first(where: { $0.value != first.value }) {
      state.error(.settingDiffers(key.rawValue, firstAt: first.at.line), at: other.at)
    }
    return first
  }
}

extension Message {
  static func exampleMixesLanguages(_ name: String, _ first: ExampleBlock, _ other: ExampleBlock)
    -> Message
  {
    Message(
      "lesson.example.mixed-languages",
      "example '\(name)' is written in \(first.language.rawValue) at line \(first.fence.line), so this \(other.language.rawValue) block cannot be part of it: give it a name of its own"
    )
  }

  static let compileOnlyAndFail = Message(
    "lesson.example.compile-only-and-fail",
    "an example cannot be both compile-only and compile-fail: keep one")

  static func timeoutUnreadable(_ value: String) -> Message {
    Message(
      "lesson.timeout.unreadable",
      "bad duration '\(value)': expected a number and a unit (ms or s), as in timeout=30s or timeout=500ms"
    )
  }

  static func timeoutOutOfRange(_ value: String) -> Message {
    Message(
      "lesson.timeout.out-of-range",
      "bad duration '\(value)': a timeout must be positive, from 1ms to 3600s (one hour)")
  }

  static func runsBad(_ value: String) -> Message {
    Message(
      "lesson.runs.bad", "bad run count '\(value)': runs must be a whole number from 1 to 9")
  }

  static func exitBad(_ value: String) -> Message {
    Message(
      "lesson.exit.bad",
      "bad exit '\(value)': expected a status from 1 to 255, a signal such as SIGABRT (\(ExpectedEnding.signals.keys.sorted().joined(separator: ", "))), or trap for a Swift runtime trap"
    )
  }

  static func needsUnknown(_ product: String) -> Message {
    Message(
      "lesson.needs.unknown",
      "unknown library '\(product)' in needs=; known ones are \(Library.products.keys.sorted().joined(separator: ", "))"
    )
  }

  static func platformUnknown(_ word: String) -> Message {
    Message(
      "lesson.platforms.unknown",
      "unknown platform '\(word)' in platforms=; the book knows \(Platform.names)")
  }

  static func platformTwice(_ word: String) -> Message {
    Message("lesson.platforms.twice", "platform '\(word)' is named twice in platforms=")
  }

  static func settingDiffers(_ key: String, firstAt line: Int) -> Message {
    Message(
      "lesson.attribute.differs-between-blocks",
      "'\(key)' is given differently on two blocks of the same example (first at line \(line))")
  }
}
