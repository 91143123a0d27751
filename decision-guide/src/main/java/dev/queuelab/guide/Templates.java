package dev.queuelab.guide;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.GuardedBinding;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * mustache.java, strict: a template that names a key the view does not have fails instead of printing
 * nothing, and values are written as they are (Markdown, not HTML, so no escaping).
 */
public final class Templates {

    /** A key a template asked for and the view lacks. */
    public static class MissingKeyException extends IllegalStateException {
        public MissingKeyException(String template, String key) {
            super("template " + template + " uses '{{" + key + "}}', which the view does not provide");
        }
    }

    /**
     * A fresh factory per render: compiled templates cache their bindings, and a render that failed on a
     * missing key must not leave a half-built binding behind for the next one.
     */
    private static DefaultMustacheFactory factory() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory("templates") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        factory.setObjectHandler(new ReflectionObjectHandler() {
            @Override
            public com.github.mustachejava.Binding createBinding(String name, TemplateContext tc, Code code) {
                return new GuardedBinding(this, name, tc, code) {
                    @Override
                    protected synchronized Wrapper getWrapper(String key, List<Object> scopes) {
                        Wrapper wrapper = super.getWrapper(key, scopes);
                        if (wrapper instanceof MissingWrapper) {
                            throw new MissingKeyException(tc.file(), key);
                        }
                        return wrapper;
                    }
                };
            }
        });
        return factory;
    }

    private Templates() {}

    /** Renders {@code templates/<name>.mustache} with the view; a missing key throws {@link MissingKeyException}. */
    public static String render(String name, Object view) {
        Mustache template = factory().compile(name + ".mustache");
        StringWriter out = new StringWriter();
        try {
            template.execute(out, view).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof MissingKeyException)) {
                cause = cause.getCause();
            }
            throw cause instanceof MissingKeyException missing ? missing : e;
        }
        return out.toString();
    }
}
