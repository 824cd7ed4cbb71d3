package dev.rotor;

import dev.rotor.RotorException.Reason;
import java.util.Locale;

/** The messages of {@link RotorException}, in English and in the original Go service's Chinese. */
final class ErrorMessages {

    /** The English messages, made once: a refusal, at the rate an attacker chooses, builds no text. */
    private static final String[][] ENGLISH = new String[2][Reason.values().length];

    static {
        for (Reason reason : Reason.values()) {
            ENGLISH[0][reason.ordinal()] = english(reason, false);
            ENGLISH[1][reason.ordinal()] = english(reason, true);
        }
    }

    private ErrorMessages() {}

    static String message(Reason reason, boolean accessToken, Locale locale) {
        return "zh".equals(locale.getLanguage())
                ? chinese(reason, accessToken)
                : ENGLISH[accessToken ? 1 : 0][reason.ordinal()];
    }

    private static String english(Reason reason, boolean accessToken) {
        String token = accessToken ? "Access token" : "Refresh token";
        switch (reason) {
            case REFRESH_TOKEN_REQUIRED:
                return "Refresh token is required";
            case TOKEN_INVALID:
                return token + " is invalid";
            case TOKEN_EXPIRED:
                return token + " has expired";
            case TOKEN_REUSED:
                return "Refresh token was already used";
            case TOKEN_REVOKED:
                return token + " has been revoked";
            case USER_NOT_FOUND:
                return "User not found";
            case SESSION_LIMIT_REACHED:
                return "Too many sessions; log out on another device first";
            default:
                return "Token store is unavailable; try again later";
        }
    }

    private static String chinese(Reason reason, boolean accessToken) {
        String token = accessToken ? "访问令牌" : "刷新令牌";
        switch (reason) {
            case REFRESH_TOKEN_REQUIRED:
                return "缺少刷新令牌";
            case TOKEN_INVALID:
                return token + "无效";
            case TOKEN_EXPIRED:
                return token + "已过期";
            case TOKEN_REUSED:
                return "刷新令牌已被使用";
            case TOKEN_REVOKED:
                return token + "已被撤销";
            case USER_NOT_FOUND:
                return "用户不存在";
            case SESSION_LIMIT_REACHED:
                return "登录会话过多，请先在其他设备上退出登录";
            default:
                return "令牌存储暂时不可用，请稍后重试";
        }
    }
}
