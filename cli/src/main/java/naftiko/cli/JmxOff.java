package naftiko.cli;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * The MBean server builder {@link JvmDefaults} names when nobody chose one: it refuses, so the
 * platform MBean server is never created. XNIO and jboss-threads register optional MBeans at
 * start-up and carry on when that fails; creating the platform server for them cost ~170 ms of CPU
 * and ~200 classes per start, and nothing in naftiko reads JMX. Start with
 * {@code -Djavax.management.builder.initial=} (empty) to have JMX again.
 */
public final class JmxOff extends MBeanServerBuilder {

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        throw new UnsupportedOperationException(
                "JMX is off in naftiko; start the JVM with -Djavax.management.builder.initial= to turn it on");
    }
}
