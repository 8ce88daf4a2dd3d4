import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        System.out.println("OK");
        System.out.flush();
        System.in.transferTo(System.out);
        System.out.flush();
    }
}
