/// Every attribute of an info string against the table: known, allowed on this block, its
/// value as it should be.
enum AttributeReader {
  static func read(
    _ info: InfoString, on kind: BlockKind, of fence: Fence, into state: inout ParseState
  ) -> BlockAttributes {
    var attributes = BlockAttributes()
    for attribute in info.attributes {
      let key = attribute.key
      let at = fence.at(attribute)
      if attributes.written[key] != nil {
        state.error(.attributeTwice(key), at: at)
        attributes.broken = true
        continue
      }
      attributes.written[key] = at
      guard let spec = Attributes.byName[key], spec.blocks.contains(kind) else {
        let known = Attributes.known(on: kind).joined(separator: ", ")
        state.error(
          Attributes.byName[key] == nil
            ? .attributeUnknown(key, on: kind, known: known)
            : .attributeNotOnBlock(key, on: kind, known: known), at: at)
        attributes.broken = true
        continue
      }
      if spec.takesValue && (attribute.value ?? "").isEmpty {
        state.error(.attributeNeedsValue(key, sample: spec.sample), at: at)
        attributes.broken = true
      } else if spec.valueOptional && attribute.value == "" {
        state.error(.attributeEmptyValue(key), at: at)
        attributes.broken = true
      } else if !spec.takesValue && !spec.valueOptional && attribute.value != nil {
        state.error(.attributeIsFlag(key), at: at)
        attributes.broken = true
      } else {
        attributes.values[spec.name] = AttributeValue(value: attribute.value ?? "", at: at)
      }
    }
    return attributes
  }
}

extension Message {
  static func attributeTwice(_ key: String) -> Message {
    Message("lesson.attribute.twice", "attribute '\(key)' is given twice")
  }

  static func attributeUnknown(_ key: String, on kind: BlockKind, known: String) -> Message {
    Message(
      "lesson.attribute.unknown",
      "unknown attribute '\(key)' on \(kind.phrase); known attributes are \(known)")
  }

  static func attributeNotOnBlock(_ key: String, on kind: BlockKind, known: String) -> Message {
    Message(
      "lesson.attribute.not-on-block",
      "'\(key)' does not apply to \(kind.phrase); known attributes there are \(known)")
  }

  static func attributeNeedsValue(_ key: String, sample: String) -> Message {
    Message("lesson.attribute.needs-value", "'\(key)' needs a value, as in \(sample)")
  }

  static func attributeEmptyValue(_ key: String) -> Message {
    Message(
      "lesson.attribute.empty-value",
      "'\(key)=' names no setting: write \(key) alone, or \(key)=NAME for the settings it fails under"
    )
  }

  static func attributeIsFlag(_ key: String) -> Message {
    Message("lesson.attribute.flag-value", "'\(key)' is a flag and takes no value: write \(key)")
  }
}
