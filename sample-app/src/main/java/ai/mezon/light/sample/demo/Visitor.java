package ai.mezon.light.sample.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.sample.web.VisitorChannel;
import ai.mezon.light.spring.MezonChannelAddedEvent;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestUser;

/**
 * The simulated user of demo mode: a plain SDK {@link LightClient} and {@link LightSocket},
 * exactly as another application would use them, talking to the bot through the embedded
 * server. It opens a DM with the bot, greets it, says one of a few canned lines every
 * {@code demo.chat-interval}, and sends what the page's form posts.
 *
 * <p>Starts after the bot's socket is connected (a later lifecycle phase than the starter's) and
 * stops before it; opening runs on the visitor's own thread so start-up never waits for it.
 */
final class Visitor implements VisitorChannel, SmartLifecycle {

	/** After the starter's socket lifecycle ({@code DEFAULT_PHASE - 1024}): the bot is online. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	static final String GREETING = "Hello bot!";

	static final List<String> LINES = List.of("How are you today?", "/time", "/cat", "Tell me something nice.",
			"/help", "Spring Boot and Mezon, what a pair!");

	/** How long the bot may take to join the new DM (it does so as soon as the server announces it). */
	private static final Duration BOT_JOIN_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(Visitor.class);

	private final MezonTestServer server;

	private final TestUser bot;

	private final LightSocket botSocket;

	private final DemoProperties properties;

	/** Completed for each channel the bot joined because it was added to it. */
	private final Map<String, CompletableFuture<Void>> botJoined = new ConcurrentHashMap<>();

	private final CompletableFuture<Link> ready = new CompletableFuture<>();

	private final Object monitor = new Object();

	private @Nullable ScheduledExecutorService executor;

	private @Nullable LightSocket socket;

	private boolean running;

	/** Which canned line comes next; only touched on the visitor's thread. */
	private int nextLine;

	/**
	 * @param server the embedded server
	 * @param bot the bot's user on it
	 * @param botSocket the bot's socket, to know when it joined the DM
	 * @param properties the demo settings
	 */
	Visitor(MezonTestServer server, TestUser bot, LightSocket botSocket, DemoProperties properties) {
		this.server = server;
		this.bot = bot;
		this.botSocket = botSocket;
		this.properties = properties;
	}

	@Override
	public String name() {
		return this.properties.visitorName();
	}

	@Override
	public boolean isReady() {
		return this.ready.isDone() && !this.ready.isCompletedExceptionally();
	}

	@Override
	public CompletableFuture<MessageAck> send(String text) {
		Link link = this.ready.getNow(null);
		if (link == null || !isRunning()) {
			return CompletableFuture.failedFuture(new IllegalStateException("The visitor is not connected yet"));
		}
		return link.socket().sendDM(OutgoingMessage.text(link.channelId(), text));
	}

	/**
	 * Notes the channels the bot joined on its own, so the visitor speaks only once the bot
	 * listens in the new DM (the server delivers to channels joined, not to members).
	 * @param event the bot was added to a channel
	 */
	@EventListener
	public void onBotAddedToChannel(MezonChannelAddedEvent event) {
		if (event.getChannelAdded().joined()) {
			botJoined(event.getChannelId()).complete(null);
		}
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "demo-visitor");
				thread.setDaemon(true);
				return thread;
			});
			this.executor.execute(this::open);
		}
	}

	@Override
	public void stop() {
		LightSocket current;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			if (this.executor != null) {
				this.executor.shutdownNow();
			}
			current = this.socket;
		}
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.running;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void open() {
		try {
			TestUser me = this.server.createUser(name());
			LightClient client = LightClient.authenticate(this.server.authenticateConfig(me.idString(), me.username()),
					this.server.clientOptions());
			LightSocket opened = client.createSocket();
			synchronized (this.monitor) {
				if (!this.running) {
					return;
				}
				this.socket = opened;
			}
			opened.connect().get(10, TimeUnit.SECONDS);
			String channelId = client.createDM(this.bot.idString()).channelId();
			opened.joinDMChannel(channelId).get(10, TimeUnit.SECONDS);
			CompletableFuture<Void> joined = botJoined(channelId);
			if (this.botSocket.getJoinedChannels().contains(channelId)) {
				joined.complete(null);
			}
			joined.get(BOT_JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			this.ready.complete(new Link(opened, channelId));
			logger.info("Demo visitor '{}' opened DM {} with the bot", name(), channelId);
			say(GREETING);
			Duration interval = this.properties.chatInterval();
			ScheduledExecutorService current = this.executor;
			if (!interval.isZero() && !interval.isNegative() && current != null) {
				current.scheduleWithFixedDelay(this::chat, interval.toMillis(), interval.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.ready.completeExceptionally(ex);
		}
		catch (Exception ex) {
			if (isRunning()) {
				logger.warn("Demo visitor could not start: {}", ex.toString());
			}
			this.ready.completeExceptionally(ex);
		}
	}

	private void chat() {
		String line = LINES.get(this.nextLine);
		this.nextLine = (this.nextLine + 1) % LINES.size();
		say(line);
	}

	private void say(String text) {
		send(text).whenComplete((ack, ex) -> {
			if (ex != null && isRunning()) {
				logger.warn("Demo visitor could not send: {}", ex.toString());
			}
		});
	}

	private CompletableFuture<Void> botJoined(String channelId) {
		return this.botJoined.computeIfAbsent(channelId, (id) -> new CompletableFuture<>());
	}

	private record Link(LightSocket socket, String channelId) {
	}

}
