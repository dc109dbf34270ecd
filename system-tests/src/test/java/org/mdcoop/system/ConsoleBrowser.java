package org.mdcoop.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium driven by Playwright for the console's browser tests, and a login through the party's real
 * Keycloak login page. Playwright downloads no browser of its own.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CONSOLE = System.getProperty("mdcoop.console", "http://localhost:8080");
    static final Path CHROMIUM = Path.of(System.getProperty("mdcoop.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    final Browser browser;

    ConsoleBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium "
                    + "(deploy/local/stack test installs it)");
        }
        // the whole stack and the other suites share two cores: assertions keep waiting for their condition up to
        // 20 s (Playwright's default is 5 s), so a slow page is waited for and only a wrong one fails
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    /** A fresh browser profile: its own cookies, as a second person at another desk. */
    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 860));
    }

    /** Opens the party picker, chooses the user's party, logs in on Keycloak's page and waits for the banner. */
    static Page logIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(CONSOLE + "/");
        page.getByText(username.startsWith("nato-") ? "Log in — NATO" : "Log in — Russia").click();
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        page.getByTestId("banner-party").waitFor();
        return page;
    }

    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
