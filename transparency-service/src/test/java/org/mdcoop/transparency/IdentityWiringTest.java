package org.mdcoop.transparency;

import org.mdcoop.common.testing.IdentityWiringContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdentityWiringTest extends IdentityWiringContract {
}
