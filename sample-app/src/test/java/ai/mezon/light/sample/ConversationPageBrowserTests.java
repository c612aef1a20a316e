package ai.mezon.light.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.test.MezonTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conversation page in a real browser: the system's headless Chromium, driven through its
 * own chromedriver (given explicitly, so Selenium Manager never downloads anything). Missing
 * browser or driver fails the test, it is not skipped: {@code .ci/run} installs both.
 */
@DemoModeTest
class ConversationPageBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static @Nullable ChromeDriverService service;

	private static @Nullable WebDriver browser;

	private static @Nullable Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private MezonTestServer server;

	@Autowired
	private LightClient bot;

	@Autowired
	private LightSocket botSocket;

	@BeforeAll
	static void startBrowser() throws IOException {
		File chromium = executable("CHROMIUM", "chromium", "chromium-browser");
		File chromedriver = executable("CHROMEDRIVER", "chromedriver");
		profile = Files.createTempDirectory("sample-chromium");
		service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// No network beyond loopback here: keep Chromium from trying to reach Google.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile);
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void showsTheConversationAndEchoesWhatIsTyped() {
		WebDriver page = open();
		WebDriverWait wait = new WebDriverWait(page, WAIT);
		// The visitor's greeting and its echo arrive over server-sent events.
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "echo: Hello bot!"));
		assertThat(page.findElement(By.id("mode")).getText()).startsWith("Demo mode");
		String text = "typed in Chromium " + UUID.randomUUID();
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("message-input")));
		input.sendKeys(text);
		page.findElement(By.id("send-button")).click();
		String echo = "echo: " + text;
		WebElement reply = wait.until((driver) -> botLines(driver).stream()
			.filter((line) -> line.findElement(By.className("text")).getText().equals(echo))
			.findFirst()
			.orElse(null));
		assertThat(reply.findElement(By.className("who")).getText()).isEqualTo("echo-bot");
		assertThat(reply.findElement(By.className("time")).getText()).isNotBlank();
		assertThat(input.getDomProperty("value")).isEmpty();
	}

	@Test
	void showsTheCatPicture() {
		WebDriver page = open();
		WebDriverWait wait = new WebDriverWait(page, WAIT);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("message-input"))).sendKeys("/cat");
		page.findElement(By.id("send-button")).click();
		// Loaded by the browser from the embedded server's "CDN" (http on loopback).
		Long width = wait.until((driver) -> {
			for (WebElement image : driver.findElements(By.cssSelector(".line.bot img"))) {
				Object natural = ((JavascriptExecutor) driver)
					.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
				if (natural instanceof Long loaded && loaded > 0) {
					return loaded;
				}
			}
			return null;
		});
		assertThat(width).isEqualTo(256L);
	}

	@Test
	void linksAndShowsOnlyHttpAttachments() throws Exception {
		WebDriver page = open();
		WebDriverWait wait = new WebDriverWait(page, WAIT);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "echo: Hello bot!"));
		String text = "hostile files " + UUID.randomUUID();
		HostileSender.send(this.server, this.bot.userId(), this.botSocket, text);
		WebElement line = wait.until((driver) -> driver.findElements(By.cssSelector("#conversation .line"))
			.stream()
			.filter((candidate) -> candidate.findElement(By.className("text")).getText().equals(text))
			.findFirst()
			.orElse(null));
		// Only the https file is a link; the others are text, and nothing is loaded as an image.
		assertThat(line.findElements(By.tagName("a"))).extracting((link) -> link.getDomAttribute("href"))
			.containsExactly(HostileSender.SAFE_URL);
		assertThat(line.findElements(By.tagName("img"))).isEmpty();
		assertThat(line.findElements(By.className("blocked"))).extracting(WebElement::getText)
			.containsExactly("click-me.html (link not shown: " + HostileSender.SCRIPT_URL + ")",
					"pixel.svg (link not shown: " + HostileSender.DATA_URL + ")");
	}

	private WebDriver open() {
		WebDriver page = browser;
		assertThat(page).isNotNull();
		page.get("http://localhost:" + this.port + "/");
		return page;
	}

	private static List<WebElement> botLines(WebDriver driver) {
		return driver.findElements(By.cssSelector("#conversation .line.bot"));
	}

	/**
	 * Finds a program from an environment variable naming it, else on the PATH.
	 */
	private static File executable(String variable, String... names) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			File file = new File(configured);
			if (file.canExecute()) {
				return file;
			}
			fail(variable + "=" + configured + " is not an executable file");
		}
		String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
		for (String name : names) {
			for (String dir : path.split(File.pathSeparator)) {
				File file = new File(dir, name);
				if (file.isFile() && file.canExecute()) {
					return file;
				}
			}
		}
		return fail("The browser test needs " + String.join(" or ", names) + " on the PATH (or " + variable
				+ " set to it). Install them with: apt-get install -y chromium chromium-driver (.ci/run does)");
	}

}
