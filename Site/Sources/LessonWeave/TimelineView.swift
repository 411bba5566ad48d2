import Foundation
import LessonKit

/// A timeline laid out for `timeline.mustache`: coordinates in the SVG's own units,
/// already formatted, so the template only places them.
struct TimelineView {
  struct Tick {
    var x: String
    var label: String
  }

  struct Bar {
    var x: String
    var y: String
    var width: String
    var height: String
    var classes: String
    var tooltip: String
    /// The span's name written on the bar, for a thread's lane where names differ.
    var name: String?
    var nameX: String
    var textY: String
    var duration: String?
    var durationX: String
  }

  struct Lane {
    var label: String
    var labelY: String
    var bars: [Bar]
  }

  struct Mark {
    var x: String
    var classes: String
    var tooltip: String
  }

  var id: String
  var width = Int(Self.svgWidth)
  var height: Int
  var title: String
  var summary: String
  var plotLeft: String
  /// Where lane labels end, right-aligned.
  var labelRight: String
  var plotRight: String
  var gridTop: String
  var gridBottom: String
  var ticks: [Tick]
  var lanes: [Lane]
  var hasEvents: Bool
  var eventsLabelY: String
  var eventsTop: String
  var eventsBottom: String
  var marks: [Mark]

  static let maxLanes = 40
  private static let svgWidth = 720.0
  private static let labelWidth = 132.0
  private static let laneHeight = 22.0
  private static let barHeight = 14.0
  private static let axisHeight = 24.0
  /// Room right of the plot for the duration of a bar that ends there.
  private static let rightMargin = 56.0
  /// Roughly how wide one character of the timeline's 11-unit font is.
  private static let charWidth = 6.4

  init(_ timeline: Timeline, id: String, example: String) {
    let allLanes = timeline.lanes
    let lanes = Array(allLanes.prefix(Self.maxLanes))
    let left = Self.labelWidth
    let right = Self.svgWidth - Self.rightMargin
    let duration = max(timeline.duration, 1e-6)
    let scale = (right - left) / duration
    func x(_ time: Double) -> Double { left + min(max(time, 0), duration) * scale }

    var names: [String] = []
    for span in timeline.spans where !names.contains(span.name) { names.append(span.name) }

    self.id = id
    self.lanes = lanes.enumerated().map { index, lane in
      let top = Self.axisHeight + Double(index) * Self.laneHeight
      let barTop = top + (Self.laneHeight - Self.barHeight) / 2
      let textY = barTop + Self.barHeight - 3
      return Lane(
        label: Self.shorten(lane.label, to: 20), labelY: fmt(textY),
        bars: lane.spans.map { span in
          let start = x(span.start)
          let width = max(x(span.end) - start, 1.5)
          let color =
            timeline.isMarked ? "c\((names.firstIndex(of: span.name) ?? 0) % 6)" : "whole"
          let duration = Format.value(span.duration, .time)
          let durationFits =
            start + width + 4 + Double(duration.count) * Self.charWidth <= Self.svgWidth
          let nameFits = Double(span.name.count) * Self.charWidth + 8 <= width
          return Bar(
            x: fmt(start), y: fmt(barTop), width: fmt(width), height: fmt(Self.barHeight),
            classes: "tl-bar \(color)\(span.isOpen ? " open" : "")",
            tooltip: "\(span.name)\(span.thread.map { " (thread \($0))" } ?? ""): "
              + "\(Format.value(span.start, .time)) → \(Format.value(span.end, .time)), \(duration)"
              + (span.isOpen ? ", never ended" : ""),
            name: lane.thread != nil && nameFits ? span.name : nil, nameX: fmt(start + 4),
            textY: fmt(textY), duration: durationFits && lane.thread == nil ? duration : nil,
            durationX: fmt(start + width + 4))
        })
    }

    let lanesBottom = Self.axisHeight + Double(lanes.count) * Self.laneHeight
    hasEvents = !timeline.events.isEmpty
    eventsTop = fmt(lanesBottom + 4)
    eventsBottom = fmt(lanesBottom + Self.laneHeight - 4)
    eventsLabelY = fmt(lanesBottom + Self.laneHeight - 7)
    var marks: [Mark] = []
    var lastColumn = -1
    var group: [Timeline.Event] = []
    func flush() {
      guard let first = group.first else { return }
      let more =
        group.count > 1 ? " and \(group.count - 1) more line\(group.count > 2 ? "s" : "")" : ""
      marks.append(
        Mark(
          x: fmt(x(first.time)), classes: "tl-mark \(first.stream.rawValue)",
          tooltip: "\(Format.value(first.time, .time)): \(Self.shorten(first.text, to: 80))\(more)")
      )
      group = []
    }
    for event in timeline.events {
      // Lines printed within the same unit of width make one mark.
      let column = Int(x(event.time))
      if column != lastColumn { flush() }
      lastColumn = column
      group.append(event)
    }
    flush()
    self.marks = marks

    height = Int((lanesBottom + (hasEvents ? Self.laneHeight : 0) + 6).rounded(.up))
    plotLeft = fmt(left)
    labelRight = fmt(left - 8)
    plotRight = fmt(right)
    gridTop = fmt(Self.axisHeight - 4)
    gridBottom = fmt(lanesBottom + (hasEvents ? Self.laneHeight : 0))
    ticks = Self.tickTimes(duration).map { Tick(x: fmt(x($0)), label: Format.value($0, .time)) }
    let spanCount = timeline.spans.count
    title = "What ran when in \(example)"
    summary =
      timeline.isMarked
      ? "\(spanCount) span\(spanCount == 1 ? "" : "s") over \(Format.value(timeline.duration, .time)), \(timeline.events.count) line\(timeline.events.count == 1 ? "" : "s") of output"
      : "one run of \(Format.value(timeline.duration, .time)) that marked no spans, \(timeline.events.count) line\(timeline.events.count == 1 ? "" : "s") of output"
    if allLanes.count > lanes.count {
      summary += "; \(allLanes.count - lanes.count) more lanes are not drawn"
    }
  }

  /// Times for the axis at a round step: 1, 2 or 5 times a power of ten, at most six.
  static func tickTimes(_ duration: Double) -> [Double] {
    guard duration > 0 else { return [0] }
    let raw = duration / 5
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    return (0...Int((duration / step).rounded(.down))).map { Double($0) * step }
  }

  static func shorten(_ text: String, to length: Int) -> String {
    text.count > length ? text.prefix(length - 1) + "…" : text
  }
}

/// A coordinate with one decimal, the same on every machine.
private func fmt(_ value: Double) -> String {
  let text = String(format: "%.1f", value)
  return text == "-0.0" ? "0.0" : text
}
