// Example 'filled-first' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// An ordinary class: not Sendable, because `stones` can change.
final class Basket {
    var stones: [String] = []
}

actor Keeper {
    var baskets: [Basket] = []
    func keep(_ basket: Basket) { baskets.append(basket) }
    var stoneCount: Int { baskets.reduce(0) { $0 + $1.stones.count } }
}

/// Gives `basket` to the keeper; `sending`: the caller gives it away.
func pass(_ basket: sending Basket, to keeper: Keeper) async {
    await keeper.keep(basket)
}

func handOver(to keeper: Keeper) async {
    let basket = Basket()
    basket.stones.append("granite")      // fill it while it is ours alone
    await pass(basket, to: keeper)       // then give it away, for good
}

let keeper = Keeper()
await handOver(to: keeper)
print("stones the keeper holds: \(await keeper.stoneCount)")
