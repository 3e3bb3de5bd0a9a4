import Testing
@testable import Symbolic
