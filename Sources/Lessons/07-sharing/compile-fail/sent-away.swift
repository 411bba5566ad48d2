// Example 'sent-away' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// An ordinary class: not Sendable, because `stones` can change.
final class Basket {
    var stones: [String] = []
}

actor Keeper {
    var baskets: [Basket] = []
    func keep(_ basket: Basket) { baskets.append(basket) }
}

func handOver(to keeper: Keeper) async {
    let basket = Basket()
    await keeper.keep(basket)            // the actor may use it from now on
    basket.stones.append("granite")      // and so do we
}
