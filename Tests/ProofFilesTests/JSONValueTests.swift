import Foundation
import Testing
@testable import ProofFiles

/// A certificate survives the trip from a worker process to the supervisor unchanged.
@Suite struct JSONValueTests {
    @Test func roundTrip() throws {
        let value = JSONValue.object(["a": .array([.string("1/2"), .integer(3), .bool(true), .null, .bool(false), .integer(0)]),
                                      "b": .object([:])])
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
