import Testing
@testable import GradientFlow
