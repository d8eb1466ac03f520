import Testing

@testable import VitaalDomain

@Test func version() { #expect(!VitaalDomain.version.isEmpty) }
