/**
 * The conversation page's server side: the lines the bot saw and sent, as JSON and as
 * server-sent events for {@code static/index.html}.
 */
@NullMarked
package ai.mezon.light.sample.web;

import org.jspecify.annotations.NullMarked;
