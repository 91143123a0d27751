package dev.queuelab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code queuelab --version}: the version Maven built, from the filtered {@code queuelab-build.properties}. */
public final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/queuelab-build.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        }
        return new String[] {
            "queuelab " + build.getProperty("version", "(unknown: built outside Maven)"),
            "Java " + System.getProperty("java.version") + " at " + System.getProperty("java.home")
        };
    }
}
