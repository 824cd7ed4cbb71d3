package dev.rotor;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECParameterSpec;

/**
 * Private keys that sign but, like KMS or HSM keys, never hand out their secret part, and the JCA provider that
 * signs with them (as a PKCS#11 provider would): the JDK's own providers cannot use them.
 */
final class SealedKeys {

    private SealedKeys() {}

    /** Puts the provider first, once per JVM; it takes only sealed keys, so others go to the JDK as before. */
    static synchronized void install() {
        if (Security.getProvider(SealedProvider.NAME) == null) {
            Security.insertProviderAt(new SealedProvider(), 1);
        }
    }

    /** An RSA key whose private exponent cannot be read. */
    static final class Rsa implements RSAPrivateKey {
        private final transient RSAPrivateKey inner;

        Rsa(RSAPrivateKey inner) {
            this.inner = inner;
        }

        @Override
        public BigInteger getPrivateExponent() {
            throw new UnsupportedOperationException("not exportable");
        }

        @Override
        public BigInteger getModulus() {
            return inner.getModulus();
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** An EC key whose private scalar cannot be read. */
    static final class Ec implements ECPrivateKey {
        private final transient ECPrivateKey inner;

        Ec(ECPrivateKey inner) {
            this.inner = inner;
        }

        @Override
        public BigInteger getS() {
            throw new UnsupportedOperationException("not exportable");
        }

        @Override
        public ECParameterSpec getParams() {
            return inner.getParams();
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    private static final class SealedProvider extends Provider {
        static final String NAME = "RotorTestSealedKeys";

        SealedProvider() {
            super(NAME, "1", "signs with sealed test keys");
            for (String algorithm : new String[] {"SHA256withRSA", "SHA256withECDSA"}) {
                putService(new Service(this, "Signature", algorithm, SealedSignature.class.getName(), null, null) {
                    @Override
                    public boolean supportsParameter(Object key) {
                        return key instanceof Rsa || key instanceof Ec;
                    }

                    @Override
                    public Object newInstance(Object parameter) {
                        return new SealedSignature(algorithm);
                    }
                });
            }
        }
    }

    /** Signs with the sealed key's inner key, inside the "device". */
    private static final class SealedSignature extends SignatureSpi {
        private final Signature delegate;

        SealedSignature(String algorithm) {
            try {
                this.delegate = Signature.getInstance(algorithm, algorithm.endsWith("RSA") ? "SunRsaSign" : "SunEC");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            if (key instanceof Rsa rsa) {
                delegate.initSign(rsa.inner);
            } else if (key instanceof Ec ec) {
                delegate.initSign(ec.inner);
            } else {
                throw new InvalidKeyException("not a sealed key");
            }
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            throw new InvalidKeyException("signs only");
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return delegate.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            return false;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
