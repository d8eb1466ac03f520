import XCTest
@testable import App
final class SmokeTests: XCTestCase { func testNothing() { XCTAssertTrue(true) } }
