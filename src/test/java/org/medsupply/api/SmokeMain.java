package org.medsupply.api;
import org.medsupply.service.ServiceConfig;
public class SmokeMain {
    public static void main(String[] a) throws Exception {
        var s = Server.start(ServiceConfig.builder().port(18080).build());
        System.out.println("URI " + s.uri());
        Thread.sleep(Long.parseLong(a[0]));
        s.stop();
    }
}
