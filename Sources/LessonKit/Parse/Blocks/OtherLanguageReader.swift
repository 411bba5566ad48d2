/// A block in a language the format does not read is prose, unless it looks meant for it.
enum OtherLanguageReader {
  static func read(_ fence: Fence, into state: inout ParseState) {
    let info = fence.info
    let language = info.language
    let lower = language.lowercased().drop { $0 == "{" || $0 == "." }
    if language.isEmpty {
      state.error(.noLanguage, at: fence.at)
    } else if let word = BlockKind.allCases.first(where: { lower.hasPrefix($0.rawValue) }),
      // A block in Python 3, say, is prose unless it claims to be an example.
      word != .python || info.attributes.contains(where: { $0.key == "example" }),
      word == .swift || lower == word.rawValue[...]
        || !(lower.dropFirst(word.rawValue.count).first?.isLetter ?? false)
    {
      state.error(.languageMisspelt(language, meaning: word), at: fence.at)
      state.broken.markNames(of: info)
    } else if let attribute = info.attributes.first(where: {
      ["example", "setup"].contains($0.key) && $0.value != nil
    }) {
      state.error(.nameOnUnreadBlock(attribute.key, language: language), at: fence.at(attribute))
      state.broken.markNames(of: info)
    }
  }
}

extension Message {
  static let noLanguage = Message(
    "lesson.fence.no-language",
    "this code block names no language: after the fence write swift (with example=, setup= or fragment), output, diagnostic, or a word such as text for a block the runner does not read"
  )

  static func languageMisspelt(_ language: String, meaning word: BlockKind) -> Message {
    Message(
      "lesson.fence.language-misspelt",
      "the runner reads only '\(word.rawValue)', so this '\(language)' block would be ignored: write \(word.rawValue) in lower case, or a word such as text for a block the runner should not read"
    )
  }

  static func nameOnUnreadBlock(_ key: String, language: String) -> Message {
    Message(
      "lesson.fence.name-on-unread-block",
      "'\(key)=' belongs on a swift, output, diagnostic or stderr block; the runner does not read a '\(language)' block"
    )
  }
}
